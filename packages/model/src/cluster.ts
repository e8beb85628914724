import type { ConfigObject } from './config-object';

/** A parameter dictionary as Ganeti keeps them (hvparams, beparams, ndparams, ...). */
export type ParamDict = Record<string, unknown>;

/** An instance policy: min/max bounds, standard values and ratios. */
export interface InstancePolicy {
  minmax: { min: Record<string, number>; max: Record<string, number> }[];
  std: Record<string, number>;
  'spindle-ratio': number;
  'vcpu-ratio': number;
  'disk-templates': string[];
}

/**
 * The cluster object: the global parameters every node, group and instance
 * inherits from. Field names are Ganeti's, so that `/2/info` is a projection.
 */
export interface Cluster extends ConfigObject {
  readonly name: string;
  /** Name of the master node. */
  readonly master: string;
  readonly default_hypervisor: string;
  readonly enabled_hypervisors: string[];
  readonly hvparams: Record<string, ParamDict>;
  readonly os_hvp: Record<string, Record<string, ParamDict>>;
  readonly beparams: Record<string, ParamDict>;
  readonly osparams: Record<string, ParamDict>;
  readonly ipolicy: InstancePolicy;
  readonly nicparams: Record<string, ParamDict>;
  readonly ndparams: ParamDict;
  readonly diskparams: Record<string, ParamDict>;
  readonly candidate_pool_size: number;
  readonly max_running_jobs: number;
  readonly max_tracked_jobs: number;
  readonly mac_prefix: string;
  readonly master_netdev: string;
  readonly master_netmask: number;
  readonly use_external_mip_script: boolean;
  readonly volume_group_name: string | null;
  readonly drbd_usermode_helper: string | null;
  readonly file_storage_dir: string;
  readonly shared_file_storage_dir: string;
  readonly gluster_storage_dir: string;
  readonly maintain_node_health: boolean;
  readonly uid_pool: unknown[];
  readonly default_iallocator: string;
  readonly default_iallocator_params: ParamDict;
  readonly reserved_lvs: string[];
  readonly primary_ip_version: number;
  readonly prealloc_wipe_disks: boolean;
  readonly hidden_os: string[];
  readonly blacklisted_os: string[];
  readonly enabled_disk_templates: string[];
  readonly install_image: string;
  readonly instance_communication_network: string;
  readonly zeroing_image: string;
  readonly compression_tools: string[];
  readonly enabled_user_shutdown: boolean;
  readonly enabled_data_collectors: Record<string, boolean>;
  readonly data_collector_interval: Record<string, number>;
  readonly modify_ssh_setup: boolean;
  readonly ssh_key_type: string;
  readonly ssh_key_bits: number;
}
