import { scriptIallocatorModule } from './script-iallocator-module';

export { ScriptIallocator } from './script-iallocator';
export { ScriptIallocatorProvider } from './script-iallocator-provider';
export { findIallocatorScript, listIallocatorScripts } from './find-iallocator-script';
export { validateIallocatorResponse } from './validate-iallocator-response';
export { IALLOCATOR_SEARCH_PATH } from './iallocator-search-path';
export { scriptIallocatorModule };
export default scriptIallocatorModule;
