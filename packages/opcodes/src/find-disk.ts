import { GanetiError, type Disk, type Instance } from '@corral/model';

/** Ganeti's Instance.FindDisk: the disk at `index`, or its `Invalid disk index` error. */
export function findDisk(instance: Instance, index: number): Disk {
  const disk = instance.disks[index];
  if (!disk || index < 0) {
    throw GanetiError.prereq(`Invalid disk index: ${index} (instace has disks 0 to ${instance.disks.length - 1}`, 'wrong_input');
  }
  return disk;
}
