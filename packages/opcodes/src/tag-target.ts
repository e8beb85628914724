import { GanetiError, type ConfigObject } from '@corral/model';
import type { ConfigKind, ConfigSnapshot } from '@corral/store';
import type { LockRequest } from './lock-request';

/** The kinds of taggable object, with Ganeti's `kind` strings. */
export const tagKinds = ['cluster', 'instance', 'node', 'nodegroup', 'network'] as const;
export type TagKind = (typeof tagKinds)[number];

const NOT_FOUND: Record<Exclude<TagKind, 'cluster'>, (name: string) => string> = {
  instance: (n) => `Instance '${n}' not known`,
  node: (n) => `Node '${n}' not known`,
  nodegroup: (n) => `Node group '${n}' not found`,
  network: (n) => `Network '${n}' not found`,
};

/** A taggable object found in the configuration, with the store kind to write it back. */
export interface TagTarget {
  readonly storeKind: ConfigKind;
  readonly object: ConfigObject & { readonly name?: string };
}

/** Finds the object a tag opcode names; an unknown one is an `unknown_entity` error. */
export function resolveTagTarget(snapshot: ConfigSnapshot, kind: TagKind, name: string | null): TagTarget {
  if (kind === 'cluster') {
    const cluster = snapshot.list('cluster')[0];
    if (!cluster) throw GanetiError.prereq('The cluster is not initialised', 'wrong_state');
    return { storeKind: 'cluster', object: cluster };
  }
  const object = name === null ? undefined : snapshot.findByName(kind, name);
  if (!object) throw GanetiError.prereq(NOT_FOUND[kind](String(name)), 'unknown_entity');
  return { storeKind: kind, object };
}

/** The lock a tag change on this object needs: exclusive on the object itself. */
export function tagLocks(kind: TagKind, name: string | null): LockRequest[] {
  if (kind === 'cluster') return [{ level: 'cluster', name: 'cluster', mode: 'exclusive' }];
  return [{ level: kind, name: String(name), mode: 'exclusive' }];
}
