import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { HypervisorNodeInfo } from '@corral/contracts';

/**
 * Ganeti's Linux node figures from /proc/meminfo (MiB): free = MemFree +
 * Buffers + Cached, dom0 = Active; CPUs from the host.
 */
export function readHostNodeInfo(meminfo: string = readFileSync('/proc/meminfo', 'utf8')): HypervisorNodeInfo {
  const kib = (key: string): number => {
    const match = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(meminfo);
    return match ? Number(match[1]) : 0;
  };
  const cpuCount = cpus().length;
  return {
    memory_total: Math.floor(kib('MemTotal') / 1024),
    memory_free: Math.floor((kib('MemFree') + kib('Buffers') + kib('Cached')) / 1024),
    memory_dom0: Math.floor(kib('Active') / 1024),
    cpu_total: cpuCount,
    cpu_dom0: cpuCount,
    cpu_nodes: 1,
    cpu_sockets: 1,
  };
}
