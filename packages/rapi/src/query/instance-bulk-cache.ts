import { EncodedJson, encodeJsonBytes } from '@corral/json-codec';
import type { Instance } from '@corral/model';
import type { NodeObservations } from '@corral/opcodes';
import type { ConfigKind, ConfigSnapshot } from '@corral/store';
import { instanceBulkRows } from './instance-bulk-rows';
import { instanceFields } from './instance-fields';
import { InstanceListing, InstanceRow } from './instance-row';

/** The bulk fields that come from the hypervisors rather than the configuration. */
const LIVE_FIELDS = ['oper_state', 'oper_ram', 'oper_vcpus', 'status'];
const projectLive = instanceFields.projector(LIVE_FIELDS);

/** Kinds whose objects a bulk row reads besides its instance (names, inherited parameters). */
const SHARED_KINDS: readonly ConfigKind[] = ['cluster', 'node', 'nodegroup', 'network'];

interface CachedRow {
  readonly live: string;
  readonly bytes: Buffer;
}

/**
 * The encoded rows of `GET /2/instances?bulk=1`, kept between listings: a
 * row is encoded again only when its instance object changed (snapshot
 * objects are immutable, so identity tells), when its live fields changed,
 * or when any cluster, node, group or network changed (then every row is).
 * A 10,000-instance listing is then mostly a concatenation of cached bytes
 * instead of projecting and encoding 10 MB of JSON on every request.
 */
export class InstanceBulkCache {
  private shared: readonly (object | undefined)[] = [];
  private rows = new WeakMap<Instance, CachedRow>();

  /** The whole listing, encoded; identical bytes to encoding `instanceBulkRows`. */
  listing(snapshot: ConfigSnapshot, observations: NodeObservations): EncodedJson {
    const shared = SHARED_KINDS.map((kind) => snapshot.version(kind));
    if (shared.length !== this.shared.length || shared.some((v, i) => v !== this.shared[i])) {
      this.rows = new WeakMap();
      this.shared = shared;
    }
    const listing = new InstanceListing(snapshot, observations);
    const instances = snapshot.list('instance');
    const lives = new Map(instances.map((instance) => [instance, JSON.stringify(projectLive(new InstanceRow(instance, listing)))]));
    const stale = instances.filter((instance) => this.rows.get(instance)?.live !== lives.get(instance));
    if (stale.length > 0) {
      // One projection for every stale row (the listing's per-request caches are built once).
      const rows = instanceBulkRows(snapshot, observations, stale);
      stale.forEach((instance, i) => {
        const encoded = encodeJsonBytes(rows[i]);
        this.rows.set(instance, { live: lives.get(instance)!, bytes: encoded.subarray(0, encoded.length - 1) });
      });
    }
    const items = instances.map((instance) => this.rows.get(instance)!.bytes);
    return EncodedJson.list(items);
  }
}
