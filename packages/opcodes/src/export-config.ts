/** An export's `config.ini` as ordered sections of ordered string options (Python's ConfigParser). */
export type ExportConfig = [section: string, options: [string, string][]][];

/** Ganeti's EXPORT_VERSION: the `[export] version` an import accepts. */
export const EXPORT_VERSION = 0;

/** The file name of an export's configuration inside its directory. */
export const EXPORT_CONF_FILE = 'config.ini';

/** Writes the sections as Python's ConfigParser.write does: `[s]`, `key = value` lines, a blank line. */
export function formatExportConfig(config: ExportConfig): string {
  return config.map(([section, options]) => `[${section}]\n${options.map(([k, v]) => `${k} = ${v}\n`).join('')}\n`).join('');
}

/** Parses a ConfigParser file (sections, `key = value` or `key: value`, `#`/`;` comments). */
export function parseExportConfig(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '' || /^[#;]/.test(line)) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1]!, current);
      continue;
    }
    const option = /^([^=:]+?)\s*[=:]\s?(.*)$/.exec(line);
    if (option && current) current.set(option[1]!.trim().toLowerCase(), option[2]!);
  }
  return sections;
}
