import { AddressPool, type Network } from '@corral/model';
import type { ConfigPut } from '@corral/store';
import { diskTemplateStorage, newDiskRequest } from './disk-template-storage';
import { diskRequest } from './instance-disk-storage';
import { findInstance, primaryNodeOf } from './find-instance';
import { instanceLock } from './instance-lock';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { pluginFailure } from './plugin-failure';

/**
 * OP_INSTANCE_REMOVE: stops the instance, removes its disks from the
 * primary node, releases its pool addresses and removes it from the
 * configuration. With `ignore_failures` node errors are logged, not fatal.
 */
export function instanceRemoveOpcode(deps: InstanceOpcodeDeps): OpcodeDefinition {
  return {
    id: 'OP_INSTANCE_REMOVE',
    summaryField: 'instance_name',
    touchesNodes: true,
    params: [
      { name: 'instance_name', check: ht.nonEmptyString },
      { name: 'shutdown_timeout', check: ht.nonNegative, default: 120 },
      { name: 'ignore_failures', check: ht.bool, default: false },
    ],
    locks: (op) => instanceLock(op.instance_name),
    checkPrereq(op, ctx) {
      findInstance(ctx.snapshot, op.instance_name);
    },
    async exec(op, ctx) {
      const instance = findInstance(ctx.snapshot, op.instance_name);
      const cluster = ctx.snapshot.list('cluster')[0]!;
      const node = primaryNodeOf(ctx.snapshot, instance);
      const services = deps.runner.on(node);
      const tolerate = async (what: string, action: () => Promise<unknown>): Promise<void> => {
        try {
          await action();
        } catch (error) {
          const failure = pluginFailure(error, what);
          if (op.ignore_failures !== true) throw failure;
          ctx.feedback(`Warning: ${failure.message}`);
        }
      };
      ctx.feedback(`Shutting down instance ${instance.name} on node ${node.name}`);
      await tolerate(`Could not shutdown instance ${instance.name} on node ${node.name}`, async () => {
        const hv = services.hypervisor(instance.hypervisor);
        if ((await hv.getInstanceInfo(instance.name)) !== null) await hv.stopInstance(instance.name, { timeout: Number(op.shutdown_timeout) });
      });
      const storageType = diskTemplateStorage(instance.disk_template);
      if (storageType !== null && instance.disks.length > 0) {
        ctx.feedback(`Removing block devices for instance ${instance.name}`);
        await tolerate(`Could not remove block devices of instance ${instance.name}`, async () => {
          const storage = services.storage(storageType);
          // File disks are found from their logical_id (names stop following indices after a rename or a removed disk).
          for (const [index, disk] of instance.disks.entries()) {
            const request = disk.logical_id.length >= 2 && instance.disk_template !== 'plain'
              ? diskRequest(disk)
              : newDiskRequest(instance.disk_template, instance, index, cluster.volume_group_name);
            await storage.removeDisk(request);
          }
        });
      }
      const networks = new Map<string, { network: Network; pool: AddressPool }>();
      for (const nic of instance.nics) {
        if (nic.network === null || nic.ip === null) continue;
        const network = ctx.snapshot.get('network', nic.network);
        if (!network) continue;
        const entry = networks.get(network.uuid) ?? { network, pool: new AddressPool(network) };
        networks.set(network.uuid, entry);
        if (entry.pool.contains(nic.ip)) entry.pool.release(nic.ip);
      }
      const puts: ConfigPut[] = [...networks.values()].map(({ network, pool }) => ({ kind: 'network', object: { ...network, ...pool.bitmaps() } }));
      return { result: null, changes: { put: puts, remove: [{ kind: 'instance', uuid: instance.uuid }] } };
    },
  };
}
