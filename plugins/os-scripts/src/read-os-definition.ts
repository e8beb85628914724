import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OsDefinitionInfo } from '@corral/contracts';

/** The OS API versions Corral speaks (Ganeti 3.0's). */
export const SUPPORTED_OS_API_VERSIONS: readonly number[] = [10, 15, 20];

/** An OS directory that is not a valid definition, with Ganeti's reason. */
export class InvalidOsDefinition extends Error {}

function readLines(path: string): string[] | null {
  try {
    return readFileSync(path, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
  } catch {
    return null;
  }
}

function requireScript(dir: string, script: string): void {
  const path = join(dir, script);
  try {
    if (!statSync(path).isFile()) throw new Error();
    accessSync(path, constants.X_OK);
  } catch {
    throw new InvalidOsDefinition(`'${script}' script missing or not executable in ${dir}`);
  }
}

/**
 * Reads an OS definition directory as Ganeti does: `ganeti_api_version`
 * (one integer a line), the create/import/export/rename scripts, and from
 * API 15 `variants.list`, from API 20 `parameters.list` and `verify`.
 */
export function readOsDefinition(dir: string, name: string): OsDefinitionInfo {
  const versionLines = readLines(join(dir, 'ganeti_api_version'));
  if (versionLines === null) throw new InvalidOsDefinition(`API version file 'ganeti_api_version' missing in ${dir}`);
  const apiVersions = versionLines.map(Number);
  if (apiVersions.some((v) => !Number.isInteger(v))) throw new InvalidOsDefinition(`API version file in ${dir} does not hold integers`);
  if (!apiVersions.some((v) => SUPPORTED_OS_API_VERSIONS.includes(v))) {
    throw new InvalidOsDefinition(`API version mismatch for path '${dir}': found ${apiVersions.join(', ')}, want ${SUPPORTED_OS_API_VERSIONS.join(', ')}`);
  }
  const max = Math.max(...apiVersions);
  for (const script of ['create', 'export', 'import', 'rename']) requireScript(dir, script);
  if (max >= 20) requireScript(dir, 'verify');
  const variants = max >= 15 ? (readLines(join(dir, 'variants.list')) ?? []) : [];
  let parameters: [string, string][] = [];
  if (max >= 20) {
    const lines = readLines(join(dir, 'parameters.list'));
    if (lines === null) throw new InvalidOsDefinition(`'parameters.list' file missing in ${dir}`);
    parameters = lines.map((l) => {
      const match = /^(\S+)\s*(.*)$/.exec(l)!;
      return [match[1], match[2]];
    });
  }
  return { name, path: dir, apiVersions: [...apiVersions].sort((a, b) => a - b), variants, parameters };
}
