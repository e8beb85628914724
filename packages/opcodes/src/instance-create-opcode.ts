import { statSync } from 'node:fs';
import type { Disk, Instance } from '@corral/model';
import { newDiskRequest } from './disk-template-storage';
import { instanceHypervisorSpec, instanceOsSpec } from './instance-hypervisor-spec';
import { instanceCreateParams } from './instance-create-params';
import { readImportSource } from './instance-import';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import type { OpcodeDefinition, OpInput } from './opcode-definition';
import { planInstanceCreate, type CreatePlan } from './plan-instance-create';
import { pluginFailure } from './plugin-failure';
import type { ExportInfo } from './read-export';

const MIB = 1048576;

/** A creation's plan, and for mode `import` the export its disks are filled from. */
interface PlannedCreate {
  readonly plan: CreatePlan;
  readonly source: ExportInfo | null;
}

async function planCreate(op: OpInput, ctx: Parameters<OpcodeDefinition['exec']>[1], deps: InstanceOpcodeDeps): Promise<PlannedCreate> {
  if (op.mode === 'create') return { plan: await planInstanceCreate(op, ctx, deps), source: null };
  const { fields, info } = readImportSource(op, ctx.snapshot);
  return { plan: await planInstanceCreate(fields, ctx, deps), source: info };
}

/** Ganeti's node allocation lock: placements (and MAC/IP choices) of creations never interleave. */
export const NODE_ALLOCATION_LOCK = { level: 'cluster', name: 'node-allocation', mode: 'exclusive' } as const;

/**
 * OP_INSTANCE_CREATE: plans in checkPrereq (dry-run answers the chosen
 * node names), then creates the disks on the primary node, runs the OS
 * create script, starts the instance when asked and commits it. In mode
 * `import` the request is first filled from the export (`src_node`,
 * `src_path`) and each disk with an image in the export is created from
 * it (`storage.importDisk`, grown to the requested size) instead of the OS
 * create script; `remote-import` is refused. Any failure undoes the node
 * work: no half-created files or config.
 */
export function instanceCreateOpcode(deps: InstanceOpcodeDeps): OpcodeDefinition {
  const plans = new WeakMap<OpInput, PlannedCreate>();
  return {
    id: 'OP_INSTANCE_CREATE',
    summaryField: 'instance_name',
    touchesNodes: true,
    params: instanceCreateParams,
    locks: (op) => [{ level: 'instance', name: String(op.instance_name), mode: 'exclusive' }, NODE_ALLOCATION_LOCK],
    async checkPrereq(op, ctx) {
      const planned = await planCreate(op, ctx, deps);
      plans.set(op, planned);
      const { plan } = planned;
      if (ctx.dryRun) ctx.feedback(' - INFO: dry-run mode requested, not actually executing the operation');
      return [plan.primary.name, ...(plan.secondary ? [plan.secondary.name] : [])];
    },
    async exec(op, ctx) {
      const { plan, source } = plans.get(op) ?? (await planCreate(op, ctx, deps));
      const cluster = ctx.snapshot.list('cluster')[0]!;
      const node = deps.runner.on(plan.primary);
      const created: { unit?: string; name: string }[] = [];
      let started = false;
      let instance: Instance = plan.instance;
      try {
        if (plan.storageType !== null && instance.disks.length > 0) {
          ctx.feedback('* creating instance disks...');
          const storage = node.storage(plan.storageType);
          const disks: Disk[] = [];
          for (const [index, disk] of instance.disks.entries()) {
            const request = newDiskRequest(instance.disk_template, instance, index, cluster.volume_group_name);
            const image = source?.disks[index]?.image;
            let path: string;
            if (image !== undefined) {
              ctx.feedback(`* importing disk ${index} from ${image}`);
              path = await storage.importDisk(request, image);
              created.push(request);
              const imported = Math.floor(statSync(image).size / MIB);
              if (disk.size > imported) await storage.growDisk(request, disk.size - imported);
            } else {
              path = await storage.createDisk(request, disk.size);
              created.push(request);
            }
            const driver = (op.file_driver as string | null) ?? 'loop';
            const logicalId = instance.disk_template === 'plain' ? [request.unit ?? '', request.name] : [driver, path];
            disks.push({ ...disk, logical_id: logicalId });
          }
          instance = { ...instance, disks };
        }
        if (plan.install && source === null) {
          ctx.feedback('* running the instance OS create scripts...');
          const os = await node.os(instance.os);
          await os.create(instanceOsSpec(cluster, instance, plan.primary.name));
        }
        if (plan.start) {
          ctx.feedback('* starting instance...');
          await node.hypervisor(instance.hypervisor).startInstance(instanceHypervisorSpec(cluster, instance));
          started = true;
        }
      } catch (error) {
        if (started) await node.hypervisor(instance.hypervisor).stopInstance(instance.name, { force: true }).catch(() => undefined);
        for (const request of created.reverse()) await node.storage(plan.storageType!).removeDisk(request).catch(() => undefined);
        throw pluginFailure(error, `Could not create instance '${instance.name}'`);
      }
      return {
        result: [plan.primary.name, ...(plan.secondary ? [plan.secondary.name] : [])],
        changes: { put: [{ kind: 'instance', object: instance }, ...plan.networks.map((n) => ({ kind: 'network' as const, object: n }))] },
      };
    },
  };
}
