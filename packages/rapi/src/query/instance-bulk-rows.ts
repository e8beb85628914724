import type { Instance, ParamDict } from '@corral/model';
import type { NodeObservations } from '@corral/opcodes';
import type { ConfigSnapshot } from '@corral/store';
import { instanceFields, INSTANCE_BULK_FIELDS } from './instance-fields';
import { InstanceListing, InstanceRow } from './instance-row';

const project = instanceFields.projector(INSTANCE_BULK_FIELDS);

/**
 * The rows of `GET /2/instances?bulk=1` (every instance, sorted by name)
 * or of `GET /2/instances/[i]` (`instances` given): the field table's
 * projection of INSTANCE_BULK_FIELDS plus the RAPI's compatibility key
 * `beparams.memory` (= maxmem). Pure (configuration + observations), so
 * benchmarks call it directly.
 */
export function instanceBulkRows(
  snapshot: ConfigSnapshot,
  observations: NodeObservations,
  instances: readonly Instance[] = snapshot.list('instance'),
): Record<string, unknown>[] {
  const listing = new InstanceListing(snapshot, observations);
  // Instances without own beparams share one filled dict, so they share its compatibility copy too.
  const withMemory = new Map<ParamDict, ParamDict>();
  return instances.map((instance) => {
    const row = project(new InstanceRow(instance, listing));
    const beparams = row.beparams as ParamDict;
    let compat = withMemory.get(beparams);
    if (compat === undefined) {
      compat = { ...beparams, memory: beparams.maxmem };
      withMemory.set(beparams, compat);
    }
    row.beparams = compat;
    return row;
  });
}
