import { builtinIallocatorModule } from './builtin-iallocator-module';

export { BuiltinIallocator } from './builtin-iallocator';
export { nodeCapacities, type NodeCapacity, type PlacementNeed } from './node-capacity';
export { ipolicyProblem, type PolicySpec } from './ipolicy-problem';
export { builtinIallocatorModule };
export default builtinIallocatorModule;
