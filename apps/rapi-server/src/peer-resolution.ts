import Module from 'node:module';

/** The packages a plugin takes as peer dependencies: always the server's own copy. */
const PEERS = new Set(['inversify', '@corral/contracts', '@corral/model', 'reflect-metadata']);

let installed = false;

/**
 * Lets CommonJS plugins installed outside the server's tree (a configured
 * plugin directory without its own `node_modules`) resolve their peer
 * dependencies to the server's copies, so there is one inversify and one
 * contracts per process. A plugin that ships its own copy still gets it.
 */
export function installPeerResolution(): void {
  if (installed) return;
  installed = true;
  const internal = Module as unknown as { _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string };
  const original = internal._resolveFilename;
  internal._resolveFilename = function (request: string, parent: unknown, isMain: boolean, options?: unknown): string {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (error) {
      if (PEERS.has(request)) return require.resolve(request);
      throw error;
    }
  };
}
