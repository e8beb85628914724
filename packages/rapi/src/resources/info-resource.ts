import { arch } from 'node:os';
import {
  CONFIG_VERSION,
  CORRAL_VERSION,
  EXPORT_VERSION,
  GANETI_COMPAT_VERSION,
  OS_API_VERSION,
  PROTOCOL_VERSION,
  type Cluster,
} from '@corral/model';
import type { RapiRow } from '../rapi-row';

const MACHINES: Record<string, [string, string]> = {
  x64: ['64bits', 'x86_64'],
  arm64: ['64bits', 'aarch64'],
  ia32: ['32bits', 'i686'],
  arm: ['32bits', 'armv7l'],
};

/** `/2/info`: the cluster object in Ganeti 3.0's key order, plus version facts. */
export function clusterInfo(c: Cluster): Record<string, unknown> {
  return {
    software_version: GANETI_COMPAT_VERSION,
    protocol_version: PROTOCOL_VERSION,
    config_version: CONFIG_VERSION,
    os_api_version: OS_API_VERSION,
    export_version: EXPORT_VERSION,
    vcs_version: `(corral) version ${CORRAL_VERSION}`,
    architecture: MACHINES[arch()] ?? ['64bits', arch()],
    name: c.name,
    master: c.master,
    default_hypervisor: c.default_hypervisor,
    enabled_hypervisors: c.enabled_hypervisors,
    hvparams: c.hvparams,
    os_hvp: c.os_hvp,
    beparams: c.beparams,
    osparams: c.osparams,
    ipolicy: c.ipolicy,
    nicparams: c.nicparams,
    ndparams: c.ndparams,
    diskparams: c.diskparams,
    candidate_pool_size: c.candidate_pool_size,
    max_running_jobs: c.max_running_jobs,
    max_tracked_jobs: c.max_tracked_jobs,
    mac_prefix: c.mac_prefix,
    master_netdev: c.master_netdev,
    master_netmask: c.master_netmask,
    use_external_mip_script: c.use_external_mip_script,
    volume_group_name: c.volume_group_name,
    drbd_usermode_helper: c.drbd_usermode_helper,
    file_storage_dir: c.file_storage_dir,
    shared_file_storage_dir: c.shared_file_storage_dir,
    gluster_storage_dir: c.gluster_storage_dir,
    maintain_node_health: c.maintain_node_health,
    ctime: c.ctime,
    mtime: c.mtime,
    uuid: c.uuid,
    tags: c.tags,
    uid_pool: c.uid_pool,
    default_iallocator: c.default_iallocator,
    default_iallocator_params: c.default_iallocator_params,
    reserved_lvs: c.reserved_lvs,
    primary_ip_version: c.primary_ip_version,
    prealloc_wipe_disks: c.prealloc_wipe_disks,
    hidden_os: c.hidden_os,
    blacklisted_os: c.blacklisted_os,
    enabled_disk_templates: c.enabled_disk_templates,
    install_image: c.install_image,
    instance_communication_network: c.instance_communication_network,
    zeroing_image: c.zeroing_image,
    compression_tools: c.compression_tools,
    enabled_user_shutdown: c.enabled_user_shutdown,
    enabled_data_collectors: c.enabled_data_collectors,
    data_collector_interval: c.data_collector_interval,
    modify_ssh_setup: c.modify_ssh_setup,
    ssh_key_type: c.ssh_key_type,
    ssh_key_bits: c.ssh_key_bits,
    vg_name: c.volume_group_name,
    drbd_helper: c.drbd_usermode_helper,
  };
}

export const infoRows: readonly RapiRow[] = [
  {
    path: '/2/info',
    resource: 'info',
    GET: {
      handle: async (_req, { config }) => {
        const cluster = (await config.snapshot()).list('cluster')[0];
        if (!cluster) throw new Error('The cluster is not initialised');
        return clusterInfo(cluster);
      },
    },
  },
];
