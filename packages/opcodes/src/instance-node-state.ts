import type { NodeRunner } from '@corral/contracts';
import { GanetiError, type Cluster, type Instance, type Node } from '@corral/model';
import { diskRequest, storageTypeOf, withDiskPath } from './instance-disk-storage';
import { instanceHypervisorSpec } from './instance-hypervisor-spec';
import type { HypervisorInstanceSpec } from '@corral/contracts';
import { pluginCall } from './plugin-call';

/**
 * The node-side facts of an instance an opcode needs, read through the
 * node runner: where its disks are, whether it runs on a node, and the
 * hypervisor spec built from them.
 */
export class InstanceNodeState {
  constructor(
    private readonly runner: NodeRunner,
    private readonly cluster: Cluster,
  ) {}

  /** Paths of the instance's disks on `node` (a storage error when one is missing). */
  async diskPaths(instance: Instance, node: Node): Promise<string[]> {
    const type = storageTypeOf(instance.disk_template);
    if (type === null) return [];
    const storage = this.runner.on(node).storage(type);
    const paths: string[] = [];
    for (const disk of instance.disks) paths.push(await pluginCall('Cannot find disk', () => storage.attachDisk(diskRequest(disk))));
    return paths;
  }

  /** The hypervisor spec with the disk paths on `node`. */
  async spec(instance: Instance, node: Node): Promise<HypervisorInstanceSpec> {
    return instanceHypervisorSpec(this.cluster, instance, await this.diskPaths(instance, node));
  }

  /** Whether the hypervisor of `node` runs the instance. */
  async isRunning(instance: Instance, node: Node): Promise<boolean> {
    const hv = this.runner.on(node).hypervisor(instance.hypervisor);
    return (await pluginCall('Cannot query the hypervisor', () => hv.getInstanceInfo(instance.name))) !== null;
  }

  /** Ganeti's CheckNodeFreeMemory: the node's hypervisor must have `needed` MiB free. */
  async checkFreeMemory(instance: Instance, node: Node, needed: number, reason: string): Promise<void> {
    const info = await pluginCall(`Can't get data from node ${node.name}`, () => this.runner.on(node).hypervisor(instance.hypervisor).getNodeInfo());
    if (info.memory_free < needed) {
      throw GanetiError.prereq(`Not enough memory on node ${node.name} for ${reason}: needed ${needed} MiB, available ${info.memory_free} MiB`, 'insufficient_resources');
    }
  }

  /** Ganeti's CheckInstanceState(INSTANCE_NOT_RUNNING): marked down/offline and not running. */
  async checkNotRunning(instance: Instance, node: Node, msg: string): Promise<void> {
    if (instance.admin_state === 'up') throw GanetiError.prereq(`Instance '${instance.name}' is marked to be up, ${msg}`, 'wrong_state');
    if (!node.offline && (await this.isRunning(instance, node))) throw GanetiError.prereq(`Instance ${instance.name} is running, ${msg}`, 'wrong_state');
  }

  /** Starts the instance on `node` with its disks there. */
  async start(instance: Instance, node: Node): Promise<void> {
    const spec = await this.spec(instance, node);
    await pluginCall('Could not start instance', () => this.runner.on(node).hypervisor(instance.hypervisor).startInstance(spec));
  }

  /** Stops the instance on `node` when it runs there. */
  async stop(instance: Instance, node: Node, timeout?: number): Promise<void> {
    if (!(await this.isRunning(instance, node))) return;
    await pluginCall('Could not shutdown instance', () => this.runner.on(node).hypervisor(instance.hypervisor).stopInstance(instance.name, { timeout }));
  }

  /**
   * Copies the instance's disks from `source` to `target` (file storage is
   * per node; shared storage and diskless need nothing). Returns the
   * disks as they are on the target (`logical_id` paths there), an undo
   * that removes the copies and a commit that removes the originals.
   */
  async copyDisks(instance: Instance, source: Node, target: Node): Promise<{ disks: Instance['disks']; undo(): Promise<void>; commit(): Promise<void> }> {
    const type = storageTypeOf(instance.disk_template);
    const none = { disks: instance.disks, undo: async (): Promise<void> => undefined, commit: async (): Promise<void> => undefined };
    if (type === null || type === 'sharedfile' || source.uuid === target.uuid) return none;
    const from = this.runner.on(source).storage(type);
    const to = this.runner.on(target).storage(type);
    const copied: Instance['disks'][number][] = [];
    const disks: Instance['disks'][number][] = [];
    try {
      for (const disk of instance.disks) {
        const path = await pluginCall('Cannot find disk', () => from.attachDisk(diskRequest(disk)));
        const copy = await pluginCall(`Could not copy disk to node ${target.name}`, () => to.importDisk(diskRequest(disk), path));
        copied.push(disk);
        disks.push(withDiskPath(disk, copy));
      }
    } catch (error) {
      for (const disk of copied) await to.removeDisk(diskRequest(disk));
      throw error;
    }
    return {
      disks,
      undo: async () => {
        for (const disk of copied) await to.removeDisk(diskRequest(disk));
      },
      commit: async () => {
        for (const disk of copied) await pluginCall('Could not remove old disk', () => from.removeDisk(diskRequest(disk)));
      },
    };
  }
}
