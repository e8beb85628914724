import type { IallocatorInput, IallocatorIpolicy, IallocatorNode, IallocatorRequest } from '@corral/contracts';

const IPOLICY: IallocatorIpolicy = {
  minmax: [
    {
      min: { 'memory-size': 128, 'cpu-count': 1, 'disk-count': 1, 'disk-size': 1024, 'nic-count': 1, 'spindle-use': 1 },
      max: { 'memory-size': 32768, 'cpu-count': 8, 'disk-count': 16, 'disk-size': 1048576, 'nic-count': 8, 'spindle-use': 12 },
    },
  ],
  std: { 'memory-size': 128, 'cpu-count': 1, 'disk-count': 1, 'disk-size': 1024, 'nic-count': 1, 'spindle-use': 1 },
  'disk-templates': ['file', 'plain', 'drbd', 'diskless'],
  'vcpu-ratio': 4.0,
  'spindle-ratio': 32.0,
};

function node(ip: string, freeMemory: number, freeDisk: number, priMemory: number): IallocatorNode {
  return {
    tags: [],
    primary_ip: ip,
    secondary_ip: ip,
    offline: false,
    drained: false,
    master_candidate: true,
    group: 'uuid-group-default',
    master_capable: true,
    vm_capable: true,
    ndparams: { exclusive_storage: false, spindle_count: 1, oob_program: null },
    total_memory: 8192,
    reserved_memory: 512,
    free_memory: freeMemory,
    total_disk: 102400,
    free_disk: freeDisk,
    total_spindles: 1,
    free_spindles: 1,
    total_cpus: 4,
    reserved_cpus: 1,
    i_pri_memory: priMemory,
    i_pri_up_memory: priMemory,
  };
}

function fileInstance(vcpus: number, memory: number, disk: number, mac: string): IallocatorInput['instances'][string] {
  return {
    tags: [],
    admin_state: 'up',
    vcpus,
    memory,
    spindle_use: 1,
    os: 'debootstrap+default',
    nodes: ['node1.example.com'],
    disk_template: 'file',
    disks_active: true,
    hypervisor: 'fake',
    disk_space_total: disk,
    nics: [{ mac, ip: null, mode: 'bridged', link: 'br0', bridge: 'br0' }],
    disks: [{ size: disk, mode: 'rw', spindles: null, dev_type: 'file' }],
  };
}

/** An allocate request for a small file-template instance. */
export const ALLOCATE_NEW1: IallocatorRequest = {
  type: 'allocate',
  name: 'new1.example.com',
  disk_template: 'file',
  group_name: null,
  tags: [],
  os: 'debootstrap+default',
  vcpus: 1,
  memory: 512,
  spindle_use: 1,
  disks: [{ size: 4096, mode: 'rw', spindles: null }],
  disk_space_total: 4096,
  nics: [{ mac: 'auto', ip: null, bridge: null }],
  required_nodes: 1,
  hypervisor: 'fake',
};

/**
 * A realistic protocol-v2 document, built by hand: one group, two nodes
 * (node1 carries two running instances, node2 is empty), and `request`.
 */
export function twoNodeClusterInput(request: IallocatorRequest = ALLOCATE_NEW1): IallocatorInput {
  return {
    version: 2,
    cluster_name: 'cluster.example.com',
    cluster_tags: [],
    enabled_hypervisors: ['fake'],
    ipolicy: IPOLICY,
    nodegroups: { 'uuid-group-default': { name: 'default', alloc_policy: 'preferred', networks: [], ipolicy: IPOLICY, tags: [] } },
    nodes: {
      'node1.example.com': node('192.0.2.1', 5632, 71680, 2048),
      'node2.example.com': node('192.0.2.2', 7680, 102400, 0),
    },
    instances: {
      'web1.example.com': fileInstance(2, 1024, 20480, 'aa:00:00:00:00:01'),
      'db1.example.com': fileInstance(1, 1024, 10240, 'aa:00:00:00:00:02'),
    },
    request,
  };
}
