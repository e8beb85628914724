/**
 * Ganeti's iallocator protocol, version 2 (ganeti-facts §5). The input is
 * exactly the document Ganeti writes for an external script, so a plugin
 * sees what `hail` sees; the output is the §5.6 response.
 */

/** An instance policy's bounds (memory-size, cpu-count, disk-count, disk-size, nic-count, spindle-use). */
export type IpolicySpec = Readonly<Record<string, number>>;

/** The cluster or group instance policy as in the input document. */
export interface IallocatorIpolicy {
  readonly minmax: readonly { readonly min: IpolicySpec; readonly max: IpolicySpec }[];
  readonly std: IpolicySpec;
  readonly 'disk-templates': readonly string[];
  readonly 'vcpu-ratio': number;
  readonly 'spindle-ratio': number;
}

/** §5.2 `nodegroups` entries, keyed by group uuid. */
export interface IallocatorNodeGroup {
  readonly name: string;
  readonly alloc_policy: 'preferred' | 'last_resort' | 'unallocable';
  readonly networks: readonly string[];
  readonly ipolicy: IallocatorIpolicy;
  readonly tags: readonly string[];
}

/** §5.3 `nodes` entries, keyed by node name; dynamic fields absent for offline/drained/non-vm_capable nodes. */
export interface IallocatorNode {
  readonly tags: readonly string[];
  readonly primary_ip: string;
  readonly secondary_ip: string;
  readonly offline: boolean;
  readonly drained: boolean;
  readonly master_candidate: boolean;
  readonly group: string;
  readonly master_capable: boolean;
  readonly vm_capable: boolean;
  readonly ndparams: Readonly<Record<string, unknown>>;
  readonly total_memory?: number;
  readonly reserved_memory?: number;
  readonly free_memory?: number;
  readonly total_disk?: number;
  readonly free_disk?: number;
  readonly total_spindles?: number;
  readonly free_spindles?: number;
  readonly total_cpus?: number;
  readonly reserved_cpus?: number;
  readonly i_pri_memory?: number;
  readonly i_pri_up_memory?: number;
}

/** §5.4 `instances` entries, keyed by instance name. */
export interface IallocatorInstance {
  readonly tags: readonly string[];
  readonly admin_state: 'up' | 'down' | 'offline';
  readonly vcpus: number;
  readonly memory: number;
  readonly spindle_use: number;
  readonly os: string;
  /** Primary first. */
  readonly nodes: readonly string[];
  readonly disk_template: string;
  readonly disks_active?: boolean;
  readonly hypervisor: string;
  readonly disk_space_total: number;
  readonly nics: readonly { readonly mac: string; readonly ip: string | null; readonly mode: string; readonly link: string; readonly bridge?: string }[];
  readonly disks: readonly { readonly size: number; readonly mode: string; readonly spindles?: number | null; readonly dev_type?: string }[];
}

/** The allocate request body, also the element of multi-allocate's `instances`. */
export interface IallocatorAllocateSpec {
  readonly name: string;
  readonly disk_template: string;
  readonly group_name?: string | null;
  readonly tags: readonly string[];
  readonly os: string;
  readonly vcpus: number;
  readonly memory: number;
  readonly spindle_use: number;
  readonly disks: readonly { readonly size: number; readonly mode: string; readonly spindles?: number | null }[];
  readonly disk_space_total: number;
  readonly nics: readonly { readonly mac: string; readonly ip: string | null; readonly mode?: string; readonly link?: string; readonly bridge?: string | null }[];
  /** 2 for internally mirrored templates (drbd), otherwise 1. */
  readonly required_nodes: number;
  readonly hypervisor: string;
  readonly 'restrict-to-nodes'?: readonly string[];
}

/** §5.5 requests. */
export type IallocatorRequest =
  | ({ readonly type: 'allocate' } & IallocatorAllocateSpec)
  | { readonly type: 'relocate'; readonly name: string; readonly required_nodes: number; readonly disk_space_total: number; readonly relocate_from: readonly string[] }
  | { readonly type: 'node-evacuate'; readonly instances: readonly string[]; readonly evac_mode: 'primary-only' | 'secondary-only' | 'all' }
  | { readonly type: 'change-group'; readonly instances: readonly string[]; readonly target_groups: readonly string[] }
  | { readonly type: 'multi-allocate'; readonly instances: readonly IallocatorAllocateSpec[] }
  | { readonly type: 'allocate-secondary'; readonly name: string };

/** The request type names. */
export type IallocatorRequestType = IallocatorRequest['type'];

/** The whole input document (§5.2). */
export interface IallocatorInput {
  readonly version: 2;
  readonly cluster_name: string;
  readonly cluster_tags: readonly string[];
  readonly enabled_hypervisors: readonly string[];
  readonly ipolicy: IallocatorIpolicy;
  readonly nodegroups: Readonly<Record<string, IallocatorNodeGroup>>;
  readonly nodes: Readonly<Record<string, IallocatorNode>>;
  readonly instances: Readonly<Record<string, IallocatorInstance>>;
  readonly request: IallocatorRequest;
}

/** node-evacuate / change-group result: `[moved, failed, jobs]`. */
export type IallocatorEvacuationResult = readonly [
  moved: readonly (readonly [instance: string, targetGroup: string, nodes: readonly string[]])[],
  failed: readonly (readonly [instance: string, reason: string | null])[],
  jobs: readonly (readonly Readonly<Record<string, unknown>>[])[],
];

/** multi-allocate result: `[[[instance, nodes]...], failed instance names]`. */
export type IallocatorMultiAllocateResult = readonly [
  allocated: readonly (readonly [instance: string, nodes: readonly string[]])[],
  failed: readonly string[],
];

/** The §5.6 response; `result` is `[]` on failure. */
export interface IallocatorResponse {
  readonly success: boolean;
  readonly info: string;
  readonly result: readonly string[] | string | IallocatorEvacuationResult | IallocatorMultiAllocateResult | readonly [];
}

/**
 * An allocator (Ganeti's iallocator): given the cluster document and a
 * request, answers where instances go. A run that cannot produce a valid
 * answer throws PluginError of kind `iallocator`; a valid "no" is a response
 * with `success: false`.
 */
export interface Iallocator {
  /** The name operators pass as `iallocator` (e.g. `hail`, `builtin`). */
  readonly name: string;
  run(input: IallocatorInput, options?: { readonly extraArgs?: readonly string[] }): Promise<IallocatorResponse>;
}

/**
 * What an iallocator plugin binds (multi-binding). `names` lists the
 * allocators it offers now; `get` may also find one by name on demand (an
 * external script found on the search path).
 */
export interface IallocatorProvider {
  names(): string[];
  get(name: string): Iallocator | null;
}

export const IallocatorProvider: unique symbol = Symbol.for('@corral/contracts/IallocatorProvider');
