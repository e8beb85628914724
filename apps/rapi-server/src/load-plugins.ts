import { resolve } from 'node:path';
import type { Container, ContainerModule } from 'inversify';
import type { DiscoveredPlugin } from './discover-plugins';
import { installPeerResolution } from './peer-resolution';
import type { PluginReport } from './plugin-report';

function isContainerModule(value: unknown): value is ContainerModule {
  return typeof value === 'object' && value !== null && typeof (value as ContainerModule).load === 'function' && typeof (value as ContainerModule).id === 'number';
}

/** The one ContainerModule an entry exports: the module itself, its default export, else its only ContainerModule export. */
function containerModuleOf(exports: Record<string, unknown>): ContainerModule {
  if (isContainerModule(exports)) return exports; // `module.exports = new ContainerModule(...)` loaded by require()
  // A CommonJS entry imported natively arrives as {default: module.exports, ...detected named exports}.
  const cjs = typeof exports.default === 'object' && exports.default !== null ? (exports.default as Record<string, unknown>) : {};
  const candidates = [exports.default, cjs.default, ...Object.values(exports), ...Object.values(cjs)];
  const modules = [...new Set(candidates.filter(isContainerModule))];
  if (modules.length === 0) throw new Error('its entry exports no inversify ContainerModule');
  if (modules.length > 1 && !isContainerModule(exports.default)) throw new Error('its entry exports several ContainerModules and no default');
  return isContainerModule(exports.default) ? exports.default : modules[0];
}

/**
 * Loads each discovered plugin with `import()` and its ContainerModule into
 * the container. A plugin that cannot be loaded is reported and skipped; a
 * second plugin of the same kind and name is skipped as a duplicate.
 */
export async function loadPlugins(container: Container, plugins: readonly DiscoveredPlugin[]): Promise<PluginReport[]> {
  installPeerResolution();
  const reports: PluginReport[] = [];
  const seen = new Set<string>();
  for (const plugin of plugins) {
    const base = { packageName: plugin.packageName, version: plugin.version, dir: plugin.dir, source: plugin.source };
    if (!plugin.manifest) {
      reports.push({ ...base, kind: '?', name: plugin.packageName, status: 'failed', reason: plugin.problem });
      continue;
    }
    const { kind, name, entry } = plugin.manifest;
    const key = `${kind}:${name}`;
    if (seen.has(key)) {
      reports.push({ ...base, kind, name, status: 'duplicate', reason: `a ${kind} plugin named '${name}' is already loaded` });
      continue;
    }
    let module: ContainerModule | undefined;
    try {
      // An absolute path: native import() in the built server, require() under jest.
      const exports = (await import(resolve(plugin.dir, entry))) as Record<string, unknown>;
      module = containerModuleOf(exports);
      await container.load(module);
      seen.add(key);
      reports.push({ ...base, kind, name, status: 'loaded' });
    } catch (error) {
      if (module) await container.unload(module).catch(() => undefined);
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      reports.push({ ...base, kind, name, status: 'failed', reason });
    }
  }
  return reports;
}
