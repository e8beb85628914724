import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `<dir>/<name>` along `searchPath`, or null; names with a `/` are never searched. */
export function findIallocatorScript(name: string, searchPath: readonly string[]): string | null {
  if (name === '' || name.includes('/') || name === '.' || name === '..') return null;
  for (const dir of searchPath) {
    const path = join(dir, name);
    if (isExecutableFile(path)) return path;
  }
  return null;
}

/** Names of every executable script along `searchPath`, sorted, without duplicates. */
export function listIallocatorScripts(searchPath: readonly string[]): string[] {
  const names = new Set<string>();
  for (const dir of searchPath) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries) if (isExecutableFile(join(dir, entry))) names.add(entry);
  }
  return [...names].sort();
}
