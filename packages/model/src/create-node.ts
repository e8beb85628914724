import { newConfigObject } from './new-config-object';
import type { Node } from './node';

/** What a new node must be given; every other field may override the defaults. */
export type NewNode = Pick<Node, 'uuid' | 'name' | 'group' | 'node_dir'> & Partial<Node>;

/**
 * A new node object with Ganeti's defaults for a freshly added node (online,
 * master and VM capable, a master candidate, on 127.0.0.1, serial 1):
 * the one builder behind init, node-add and the tests' local nodes.
 */
export function createNode(fields: NewNode, now: number): Node {
  // The defaults first (they give the key order), then the given fields.
  const defaults: Node = {
    ...newConfigObject(fields.uuid, now),
    name: fields.name,
    primary_ip: '127.0.0.1',
    secondary_ip: fields.primary_ip ?? '127.0.0.1',
    master_candidate: true,
    offline: false,
    drained: false,
    master_capable: true,
    vm_capable: true,
    group: fields.group,
    ndparams: {},
    powered: true,
    node_dir: fields.node_dir,
  };
  return { ...defaults, ...fields };
}
