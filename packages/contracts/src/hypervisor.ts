import type { NodeLocation } from './node-location';

/** Parameter dictionaries as Ganeti stores them (hvparams, osparams, ...). */
export type ParamValues = Readonly<Record<string, unknown>>;

/** One disk as the hypervisor sees it: a block device or file on the node. */
export interface InstanceDiskSpec {
  readonly path: string;
  /** `rw` or `ro`. */
  readonly mode: string;
}

/** One NIC as the hypervisor sees it. */
export interface InstanceNicSpec {
  readonly mac: string;
  readonly ip: string | null;
  /** `bridged`, `routed` or `openvswitch`. */
  readonly mode: string;
  readonly link: string;
}

/**
 * The instance facts a hypervisor needs, already filled from the cluster,
 * group and instance parameters (Ganeti's FillHV/FillBE), in MiB.
 */
export interface HypervisorInstanceSpec {
  readonly name: string;
  readonly uuid?: string;
  /** beparam maxmem. */
  readonly memory: number;
  /** beparam minmem; defaults to `memory`. */
  readonly minMemory?: number;
  readonly vcpus: number;
  readonly hvparams: ParamValues;
  readonly disks: readonly InstanceDiskSpec[];
  readonly nics: readonly InstanceNicSpec[];
}

/** Ganeti's instance run state: RUNNING = 0, SHUTDOWN = 1. */
export type InstanceRunState = 'running' | 'shutdown';

/** What GetInstanceInfo returns: Ganeti's `(name, id, memory, vcpus, state, times)`. */
export interface InstanceRuntimeInfo {
  readonly name: string;
  readonly id: number | string;
  /** MiB currently assigned. */
  readonly memory: number;
  readonly vcpus: number;
  readonly state: InstanceRunState;
  /** CPU time in seconds. */
  readonly times: number;
}

/** GetNodeInfo's dict: memory in MiB, CPUs as counts. */
export interface HypervisorNodeInfo {
  readonly memory_total: number;
  readonly memory_free: number;
  readonly memory_dom0: number;
  readonly cpu_total: number;
  readonly cpu_dom0: number;
  readonly cpu_nodes: number;
  readonly cpu_sockets: number;
}

/** Ganeti's InstanceConsole: how a user reaches the console. */
export interface InstanceConsole {
  readonly instance: string;
  readonly kind: 'msg' | 'ssh' | 'vnc' | 'spice';
  readonly message?: string;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly command?: readonly string[];
  readonly display?: number;
}

/** Ganeti's migration status values. */
export type MigrationStatus = 'completed' | 'failed' | 'active' | 'cancelled' | 'setup' | 'cancelling';

/**
 * A hypervisor on one node (Ganeti's BaseHypervisor, 3.0 migration steps).
 * Every failure is a {@link PluginError} of kind `hypervisor`; a bad hvparams
 * dictionary is kind `invalid-parameters` with Ganeti's message.
 */
export interface Hypervisor {
  /** Ganeti's hypervisor name, e.g. `fake`, `kvm`. */
  readonly name: string;
  readonly canMigrate: boolean;
  /** Parameter names with their defaults; `checkParameterSyntax` validates against them. */
  readonly parameterDefaults: ParamValues;

  startInstance(instance: HypervisorInstanceSpec, options?: { readonly startupPaused?: boolean }): Promise<void>;
  /** `force` is a hard destroy; `timeout` (seconds) bounds a soft shutdown. */
  stopInstance(instanceName: string, options?: { readonly force?: boolean; readonly timeout?: number }): Promise<void>;
  rebootInstance(instance: HypervisorInstanceSpec): Promise<void>;
  /** Names of the running instances. */
  listInstances(hvparams?: ParamValues): Promise<string[]>;
  getInstanceInfo(instanceName: string, hvparams?: ParamValues): Promise<InstanceRuntimeInfo | null>;
  getAllInstancesInfo(hvparams?: ParamValues): Promise<InstanceRuntimeInfo[]>;
  getNodeInfo(hvparams?: ParamValues): Promise<HypervisorNodeInfo>;
  getInstanceConsole(instance: HypervisorInstanceSpec, primaryNode: string): Promise<InstanceConsole>;
  /** null when the hypervisor is healthy on this node, else the problem. */
  verify(hvparams?: ParamValues): Promise<string | null>;
  /** Master-side check; throws PluginError('invalid-parameters') with Ganeti's wording. */
  checkParameterSyntax(hvparams: ParamValues): void;

  /** Source: opaque data handed to the destination's `acceptInstance`. */
  migrationInfo(instance: HypervisorInstanceSpec): Promise<string>;
  /** Destination: prepare to receive the instance. */
  acceptInstance(instance: HypervisorInstanceSpec, info: string, target: string): Promise<void>;
  /** Source: move the instance to `target` (a node name). */
  migrateInstance(clusterName: string, instance: HypervisorInstanceSpec, target: NodeLocation, live: boolean): Promise<void>;
  getMigrationStatus(instance: HypervisorInstanceSpec): Promise<MigrationStatus>;
  finalizeMigrationDst(instance: HypervisorInstanceSpec, info: string, success: boolean): Promise<void>;
  finalizeMigrationSource(instance: HypervisorInstanceSpec, success: boolean, live: boolean): Promise<void>;

  /** Changes the runtime memory (MiB) of a running instance. */
  balloonInstanceMemory(instance: HypervisorInstanceSpec, memory: number): Promise<void>;
  /** Hard power-cycle of the node. */
  powercycleNode(hvparams?: ParamValues): Promise<void>;
}

/**
 * What a hypervisor plugin binds (multi-binding on this token): a named
 * factory that makes the hypervisor of one node.
 */
export interface HypervisorProvider {
  readonly name: string;
  forNode(node: NodeLocation): Hypervisor;
}

export const HypervisorProvider: unique symbol = Symbol.for('@corral/contracts/HypervisorProvider');
