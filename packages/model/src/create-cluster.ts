import { newConfigObject } from './new-config-object';
import type { Cluster } from './cluster';
import {
  defaultBeparams,
  defaultDataCollectorInterval,
  defaultDataCollectors,
  defaultDiskparams,
  defaultHvparams,
  defaultIpolicy,
  defaultNdparams,
  defaultNicparams,
} from './cluster-defaults';

/** What `cluster init` decides; everything else takes Ganeti's defaults. */
export interface ClusterInitOptions {
  readonly name: string;
  readonly masterNode: string;
  readonly uuid: string;
  readonly now: number;
  readonly enabledHypervisors: string[];
  readonly enabledDiskTemplates: string[];
  readonly fileStorageDir: string;
  readonly sharedFileStorageDir: string;
  readonly volumeGroupName: string | null;
  readonly masterNetdev: string;
  readonly defaultIallocator: string;
}

/** Builds the cluster object of a freshly initialised cluster (pure). */
export function createCluster(o: ClusterInitOptions): Cluster {
  const clone = <T>(v: T): T => structuredClone(v);
  return {
    ...newConfigObject(o.uuid, o.now),
    name: o.name,
    master: o.masterNode,
    default_hypervisor: o.enabledHypervisors[0] ?? 'fake',
    enabled_hypervisors: [...o.enabledHypervisors],
    hvparams: clone(defaultHvparams),
    os_hvp: {},
    beparams: { default: clone(defaultBeparams) },
    osparams: {},
    ipolicy: { ...clone(defaultIpolicy), 'disk-templates': [...o.enabledDiskTemplates] },
    nicparams: { default: clone(defaultNicparams) },
    ndparams: clone(defaultNdparams),
    diskparams: clone(defaultDiskparams),
    candidate_pool_size: 10,
    max_running_jobs: 20,
    max_tracked_jobs: 25,
    mac_prefix: 'aa:00:00',
    master_netdev: o.masterNetdev,
    master_netmask: 32,
    use_external_mip_script: false,
    volume_group_name: o.volumeGroupName,
    drbd_usermode_helper: null,
    file_storage_dir: o.fileStorageDir,
    shared_file_storage_dir: o.sharedFileStorageDir,
    gluster_storage_dir: '/var/run/ganeti/gluster',
    maintain_node_health: false,
    uid_pool: [],
    default_iallocator: o.defaultIallocator,
    default_iallocator_params: {},
    reserved_lvs: [],
    primary_ip_version: 4,
    prealloc_wipe_disks: false,
    hidden_os: [],
    blacklisted_os: [],
    enabled_disk_templates: [...o.enabledDiskTemplates],
    install_image: '',
    instance_communication_network: '',
    zeroing_image: '',
    compression_tools: ['gzip', 'gzip-fast', 'gzip-slow'],
    enabled_user_shutdown: false,
    enabled_data_collectors: clone(defaultDataCollectors),
    data_collector_interval: clone(defaultDataCollectorInterval),
    modify_ssh_setup: false,
    ssh_key_type: 'rsa',
    ssh_key_bits: 2048,
  };
}
