import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OperatingSystem, OsDefinitionInfo, OsSource } from '@corral/contracts';
import { readOsDefinition } from './read-os-definition';
import { ScriptOperatingSystem } from './script-operating-system';

function subdirectories(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => statSync(join(dir, n)).isDirectory())
      .sort();
  } catch {
    return [];
  }
}

/**
 * The OS definitions on a node's search path; the first directory holding
 * a name wins, as in Ganeti. Invalid definitions are not listed (and `get`
 * reports why).
 */
export class ScriptOsSource implements OsSource {
  constructor(private readonly searchPath: readonly string[]) {}

  async list(): Promise<OsDefinitionInfo[]> {
    const seen = new Set<string>();
    const found: OsDefinitionInfo[] = [];
    for (const dir of this.searchPath) {
      for (const name of subdirectories(dir)) {
        if (seen.has(name)) continue;
        seen.add(name);
        try {
          found.push(readOsDefinition(join(dir, name), name));
        } catch {
          // invalid definitions are skipped in listings
        }
      }
    }
    return found;
  }

  async get(name: string): Promise<OperatingSystem | null> {
    if (name === '' || name.includes('/') || name.startsWith('.')) return null;
    for (const dir of this.searchPath) {
      if (subdirectories(dir).includes(name)) return new ScriptOperatingSystem(readOsDefinition(join(dir, name), name));
    }
    return null;
  }
}
