import type { Hypervisor } from './hypervisor';
import type { NodeLocation } from './node-location';
import type { OperatingSystem, OsDefinitionInfo } from './operating-system';
import type { Storage } from './storage';

/** The plugin services of one node, as the node runner hands them out. */
export interface NodeServices {
  readonly node: NodeLocation;
  /** The hypervisor by Ganeti name (`fake`, `kvm`, ...). */
  hypervisor(name: string): Hypervisor;
  /** The storage by type (`file`, `lvm-vg`, `lvm-pv`, ...). */
  storage(type: string): Storage;
  /** Every OS definition of every OS provider on the node. */
  listOses(): Promise<OsDefinitionInfo[]>;
  /** The OS by name; `name+variant` is accepted (the variant is ignored here). Throws PluginError('os') when missing. */
  os(name: string): Promise<OperatingSystem>;
}

/**
 * The node-runner seam: opcode code reaches plugins only through
 * `runner.on(node)`, never directly, so that a remote node agent can later
 * run the same calls on another host. The embedded default runs them
 * in-process against the node's local directory (`LocalNodeRunner`).
 */
export interface NodeRunner {
  on(node: NodeLocation): NodeServices;
}

export const NodeRunner: unique symbol = Symbol.for('@corral/contracts/NodeRunner');
