import type { Logger, ServerSettings } from '@corral/contracts';
import { createContainer } from './create-container';
import { formatPluginReport, PluginReports } from './plugin-report';

const SILENT: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * What `--list-plugins` prints: every plugin the server would find with
 * these settings, each loaded for real, one line per plugin.
 */
export async function listPlugins(settings: ServerSettings): Promise<string> {
  const container = await createContainer(settings, SILENT);
  const reports = container.get<PluginReports>(PluginReports);
  if (reports.length === 0) return 'No plugins found\n';
  return reports.map((r) => `${formatPluginReport(r)}\n`).join('');
}
