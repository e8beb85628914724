import { newConfigObject } from './new-config-object';
import type { NodeGroup } from './node-group';

/** What a new node group must be given; every other field may override the defaults. */
export type NewNodeGroup = Pick<NodeGroup, 'uuid' | 'name'> & Partial<NodeGroup>;

/** A new, empty node group with Ganeti's defaults (alloc_policy preferred, no own parameters): init's and OP_GROUP_ADD's builder. */
export function createNodeGroup(fields: NewNodeGroup, now: number): NodeGroup {
  // The defaults first (they give the key order), then the given fields.
  const defaults: NodeGroup = {
    ...newConfigObject(fields.uuid, now),
    name: fields.name,
    alloc_policy: 'preferred',
    ndparams: {},
    diskparams: {},
    ipolicy: {},
    networks: {},
  };
  return { ...defaults, ...fields };
}
