/** The plugin kinds a manifest may declare. */
export type PluginKind = 'hypervisor' | 'storage' | 'os' | 'iallocator';

/**
 * The `corral` field of a plugin package's package.json: what the server
 * reads to find and load the plugin, e.g.
 * `"corral": {"kind": "hypervisor", "name": "fake", "entry": "dist/index.js"}`.
 * `entry` (relative to the package) exports one inversify ContainerModule,
 * as its default export or as any named export.
 */
export interface PluginManifest {
  readonly kind: PluginKind;
  readonly name: string;
  readonly entry: string;
}
