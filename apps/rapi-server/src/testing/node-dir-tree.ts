import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A fresh local node's directory as {@link nodeDirTree} shows it. */
export const EMPTY_NODE_DIR: Readonly<Record<string, string>> = Object.freeze({ 'file-storage/': '', 'run/': '', 'run/fake-hypervisor/': '' });

/**
 * Every entry below a node directory, for tests that assert what a node
 * holds: directories end in `/`, fake-hypervisor state files (`run/...`)
 * map to their content, disks to their size in bytes.
 */
export function nodeDirTree(dir: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const walk = (d: string, prefix: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        out[`${rel}/`] = '';
        walk(path, rel);
      } else out[rel] = rel.startsWith('run/') ? readFileSync(path, 'utf8') : statSync(path).size;
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out;
}
