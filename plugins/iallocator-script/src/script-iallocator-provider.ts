import type { Iallocator, IallocatorProvider } from '@corral/contracts';
import { findIallocatorScript, listIallocatorScripts } from './find-iallocator-script';
import { IALLOCATOR_SEARCH_PATH } from './iallocator-search-path';
import { ScriptIallocator } from './script-iallocator';

/** Offers every executable script on the search path, by file name. */
export class ScriptIallocatorProvider implements IallocatorProvider {
  constructor(private readonly searchPath: readonly string[] = IALLOCATOR_SEARCH_PATH) {}

  names(): string[] {
    return listIallocatorScripts(this.searchPath);
  }

  get(name: string): Iallocator | null {
    const path = findIallocatorScript(name, this.searchPath);
    return path ? new ScriptIallocator(name, path) : null;
  }
}
