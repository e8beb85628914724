import type { ConfigKind, ConfigKinds } from './config-kind';

interface Named {
  readonly uuid: string;
  readonly name?: string;
}

/**
 * An in-memory, read-only view of the whole configuration, indexed by uuid
 * and by name. Reads never touch the disk; the store swaps in a new view
 * after each commit.
 */
export class ConfigSnapshot {
  private readonly byUuid = new Map<ConfigKind, Map<string, Named>>();
  private readonly byName = new Map<ConfigKind, Map<string, Named>>();

  constructor(objects: Iterable<{ kind: ConfigKind; object: Named }> = []) {
    for (const { kind, object } of objects) this.set(kind, object);
  }

  /** Copy-on-write: the changed kinds get new maps, the others are shared. */
  withChanges(puts: readonly { kind: ConfigKind; object: Named }[], removes: readonly { kind: ConfigKind; uuid: string }[]): ConfigSnapshot {
    const next = new ConfigSnapshot();
    const touched = new Set<ConfigKind>([...puts.map((p) => p.kind), ...removes.map((r) => r.kind)]);
    for (const [kind, map] of this.byUuid) {
      if (touched.has(kind)) {
        next.byUuid.set(kind, new Map(map));
        next.byName.set(kind, new Map(this.byName.get(kind)));
      } else {
        next.byUuid.set(kind, map);
        next.byName.set(kind, this.byName.get(kind)!);
      }
    }
    for (const { kind, uuid } of removes) next.delete(kind, uuid);
    for (const { kind, object } of puts) next.set(kind, object);
    return next;
  }

  get<K extends ConfigKind>(kind: K, uuid: string): ConfigKinds[K] | undefined {
    return this.byUuid.get(kind)?.get(uuid) as ConfigKinds[K] | undefined;
  }

  findByName<K extends ConfigKind>(kind: K, name: string): ConfigKinds[K] | undefined {
    return this.byName.get(kind)?.get(name) as ConfigKinds[K] | undefined;
  }

  /** All objects of a kind, sorted by name (uuid when nameless). */
  list<K extends ConfigKind>(kind: K): ConfigKinds[K][] {
    const map = this.byName.get(kind);
    const values = [...(this.byUuid.get(kind)?.values() ?? [])];
    if (map && map.size === values.length) {
      return [...map.keys()].sort(compareNames).map((n) => map.get(n) as ConfigKinds[K]);
    }
    return values.sort((a, b) => compareNames(a.name ?? a.uuid, b.name ?? b.uuid)) as ConfigKinds[K][];
  }

  /**
   * A token for the current objects of one kind: the same object as long as
   * no object of that kind changed (snapshots share untouched kinds), a new
   * one after any change. Lets readers cache what they derive per kind.
   */
  version(kind: ConfigKind): object | undefined {
    return this.byUuid.get(kind);
  }

  count(kind: ConfigKind): number {
    return this.byUuid.get(kind)?.size ?? 0;
  }

  private set(kind: ConfigKind, object: Named): void {
    let uuids = this.byUuid.get(kind);
    let names = this.byName.get(kind);
    if (!uuids || !names) {
      uuids = new Map();
      names = new Map();
      this.byUuid.set(kind, uuids);
      this.byName.set(kind, names);
    }
    const previous = uuids.get(object.uuid);
    if (previous?.name !== undefined && previous.name !== object.name) names.delete(previous.name);
    uuids.set(object.uuid, object);
    if (object.name !== undefined) names.set(object.name, object);
  }

  private delete(kind: ConfigKind, uuid: string): void {
    const previous = this.byUuid.get(kind)?.get(uuid);
    if (!previous) return;
    this.byUuid.get(kind)!.delete(uuid);
    if (previous.name !== undefined) this.byName.get(kind)!.delete(previous.name);
  }
}

/** Plain code-point order, as Ganeti's listings sort names. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
