import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PluginKind, PluginManifest } from '@corral/contracts';

const KINDS: readonly PluginKind[] = ['hypervisor', 'storage', 'os', 'iallocator'];

/** A package that declares itself a Corral plugin, found on disk but not loaded yet. */
export interface DiscoveredPlugin {
  readonly packageName: string;
  readonly version: string;
  /** The package's directory. */
  readonly dir: string;
  /** Where it was found: `dependency` of the server or a configured plugin directory. */
  readonly source: string;
  /** The manifest, or null when the `corral` field is malformed (see `problem`). */
  readonly manifest: PluginManifest | null;
  readonly problem?: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  corral?: unknown;
  dependencies?: Record<string, string>;
}

function readPackageJson(dir: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return null;
  }
}

function manifestProblem(corral: unknown): string | null {
  if (typeof corral !== 'object' || corral === null || Array.isArray(corral)) return 'the "corral" field must be an object';
  const m = corral as Record<string, unknown>;
  if (!KINDS.includes(m.kind as PluginKind)) return `"corral.kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify(m.kind)}`;
  if (typeof m.name !== 'string' || m.name === '') return '"corral.name" must be a non-empty string';
  if (typeof m.entry !== 'string' || m.entry === '') return '"corral.entry" must be a non-empty string';
  return null;
}

/** The plugin declared by the package in `dir`, or null when it declares none. */
function pluginAt(dir: string, source: string): DiscoveredPlugin | null {
  const pkg = readPackageJson(dir);
  if (!pkg || pkg.corral === undefined) return null;
  const packageName = pkg.name ?? dir;
  const version = pkg.version ?? '';
  const problem = manifestProblem(pkg.corral);
  if (problem) return { packageName, version, dir, source, manifest: null, problem };
  const m = pkg.corral as PluginManifest;
  return { packageName, version, dir, source, manifest: { kind: m.kind, name: m.name, entry: m.entry } };
}

/** `node_modules/<name>` nearest to `from`, walking up like Node's resolution. */
function findInstalledPackage(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Packages in a plugin directory: the directory itself, its children, `@scope/*` and `node_modules/**` likewise. */
function packagesIn(dir: string): string[] {
  if (readPackageJson(dir)?.corral !== undefined) return [dir];
  if (!isDirectory(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const child = join(dir, name);
    if (!isDirectory(child)) continue;
    if (name.startsWith('@') || name === 'node_modules') found.push(...packagesIn(child).filter((p) => p !== child));
    else if (existsSync(join(child, 'package.json'))) found.push(child);
  }
  return found;
}

/**
 * Finds plugins: first among the dependencies of the server package in
 * `serverDir` (the repo's own plugins are found this way), then in each
 * configured plugin directory, in order. Pure discovery: nothing is loaded.
 */
export function discoverPlugins(serverDir: string, pluginDirs: readonly string[]): DiscoveredPlugin[] {
  const found: DiscoveredPlugin[] = [];
  const deps = Object.keys(readPackageJson(serverDir)?.dependencies ?? {}).sort();
  for (const dep of deps) {
    const dir = findInstalledPackage(dep, serverDir);
    const plugin = dir ? pluginAt(dir, 'dependency') : null;
    if (plugin) found.push(plugin);
  }
  for (const pluginDir of pluginDirs) {
    for (const dir of packagesIn(resolve(pluginDir))) {
      const plugin = pluginAt(dir, pluginDir);
      if (plugin) found.push(plugin);
    }
  }
  return found;
}
