import {
  effectiveBeparams,
  effectiveHvparams,
  effectiveNicparams,
  instanceStatus,
  type Cluster,
  type Instance,
  type InstanceStatus,
  type Network,
  type Nic,
  type Node,
  type NodeGroup,
  type ParamDict,
} from '@corral/model';
import { withoutHvGlobals, type NodeObservations } from '@corral/opcodes';
import type { ConfigSnapshot } from '@corral/store';

function isEmpty(params: ParamDict): boolean {
  for (const _ in params) return false;
  return true;
}

/**
 * What every instance row of one listing or query shares: the configuration
 * around the instances, the nodes' observations and per-listing caches
 * (node names, the effective parameters of objects without own values), so
 * a 10,000-row listing computes each shared value once.
 */
export class InstanceListing {
  readonly cluster: Cluster;
  private readonly running = new Map<string, string[]>();
  private readonly filled = new Map<string, ParamDict>();

  /** `observations` undefined when the request needs no live data. */
  constructor(
    private readonly snapshot: ConfigSnapshot,
    readonly observations: NodeObservations | undefined,
  ) {
    this.cluster = snapshot.list('cluster')[0]!;
    for (const [uuid, seen] of observations ?? []) {
      for (const name of seen.instances.keys()) {
        const nodes = this.running.get(name);
        if (nodes) nodes.push(uuid);
        else this.running.set(name, [uuid]);
      }
    }
  }

  /** Node uuids whose hypervisor reports the instance running. */
  runningOn(name: string): readonly string[] {
    return this.running.get(name) ?? [];
  }

  node(uuid: string): Node | undefined {
    return this.snapshot.get('node', uuid);
  }

  /** A node's name (its uuid if it is not in the configuration). */
  nodeName(uuid: string): string {
    return this.snapshot.get('node', uuid)?.name ?? uuid;
  }

  /** The node group of a node. */
  groupOf(uuid: string): NodeGroup | undefined {
    return this.snapshot.get('nodegroup', this.snapshot.get('node', uuid)?.group ?? '');
  }

  network(uuid: string): Network | undefined {
    return this.snapshot.get('network', uuid);
  }

  nicparams(nic: Nic): ParamDict {
    return this.memo(nic.nicparams, 'nic', () => effectiveNicparams(this.cluster, nic));
  }

  beparams(instance: Instance): ParamDict {
    return this.memo(instance.beparams, 'be', () => effectiveBeparams(this.cluster, instance));
  }

  hvparams(instance: Instance): ParamDict {
    return this.memo(instance.hvparams, `hv\0${instance.hypervisor}\0${instance.os}`, () => effectiveHvparams(this.cluster, instance));
  }

  /** Ganeti's FillHV(skip_globals=True): migration_mode and the other cluster-wide keys left out. */
  hvparamsWithoutGlobals(instance: Instance): ParamDict {
    return this.memo(instance.hvparams, `hvng\0${instance.hypervisor}\0${instance.os}`, () => withoutHvGlobals(this.hvparams(instance)));
  }

  /** `compute()` once per key when the object has no own values, else every time (shared values are only read). */
  private memo(own: ParamDict, key: string, compute: () => ParamDict): ParamDict {
    if (!isEmpty(own)) return compute();
    let value = this.filled.get(key);
    if (value === undefined) {
      value = compute();
      this.filled.set(key, value);
    }
    return value;
  }
}

/** An instance's live state from the observations (node problems first, as Ganeti). */
export interface InstanceLiveState {
  readonly primaryOffline: boolean;
  readonly primaryDown: boolean;
  readonly running: boolean;
  readonly onWrongNode: boolean;
  readonly memory?: number;
  readonly vcpus?: number;
  readonly status: InstanceStatus;
}

function liveState(
  instance: Instance,
  primaryOffline: boolean,
  primaryDown: boolean,
  running: boolean,
  onWrongNode: boolean,
  memory?: number,
  vcpus?: number,
): InstanceLiveState {
  const state = { primaryOffline, primaryDown, running, onWrongNode, memory, vcpus, status: 'running' as InstanceStatus };
  state.status = instanceStatus(instance, state);
  return state;
}

/** One instance as listings and queries see it: the object and its listing; the live state derived once. */
export class InstanceRow {
  private liveState: InstanceLiveState | undefined;
  private filledNics: readonly ParamDict[] | undefined;

  constructor(
    readonly instance: Instance,
    readonly listing: InstanceListing,
  ) {}

  /** The NICs' effective parameters, in NIC order. */
  get nicparams(): readonly ParamDict[] {
    return (this.filledNics ??= this.instance.nics.map((n) => this.listing.nicparams(n)));
  }

  get live(): InstanceLiveState {
    return (this.liveState ??= this.observe());
  }

  private observe(): InstanceLiveState {
    const { instance, listing } = this;
    const primary = listing.node(instance.primary_node);
    const seen = listing.observations?.get(instance.primary_node);
    if (!primary || primary.offline || !seen?.answered) {
      const primaryOffline = primary?.offline ?? false;
      return liveState(instance, primaryOffline, !primaryOffline, false, false);
    }
    const info = seen.instances.get(instance.name);
    if (info) return liveState(instance, false, false, true, false, info.memory, info.vcpus);
    const elsewhere = listing.runningOn(instance.name).some((uuid) => uuid !== instance.primary_node);
    return liveState(instance, false, false, elsewhere, elsewhere);
  }
}
