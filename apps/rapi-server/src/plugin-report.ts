import type { PluginKind } from '@corral/contracts';

/** What became of one discovered plugin, for the start-up log and `--list-plugins`. */
export interface PluginReport {
  readonly kind: PluginKind | '?';
  readonly name: string;
  readonly packageName: string;
  readonly version: string;
  readonly dir: string;
  readonly source: string;
  readonly status: 'loaded' | 'failed' | 'duplicate';
  /** Why it failed or was skipped. */
  readonly reason?: string;
}

/** The reports of this process's plugins, bound in the container by `createContainer`. */
export const PluginReports: unique symbol = Symbol.for('@corral/rapi-server/PluginReports');
export type PluginReports = readonly PluginReport[];

/** One line per plugin: `kind name package@version (source) status[: reason]`. */
export function formatPluginReport(report: PluginReport): string {
  const base = `${report.kind} ${report.name} ${report.packageName}@${report.version} from ${report.source === 'dependency' ? 'dependencies' : report.source}`;
  return report.status === 'loaded' ? `${base}: loaded` : `${base}: ${report.status}: ${report.reason}`;
}
