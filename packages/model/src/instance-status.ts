import type { Instance } from './instance';

/** The `status` values of Ganeti 3.0's instance queries. */
export type InstanceStatus =
  | 'running'
  | 'ADMIN_down'
  | 'ADMIN_offline'
  | 'USER_down'
  | 'ERROR_up'
  | 'ERROR_down'
  | 'ERROR_nodedown'
  | 'ERROR_nodeoffline'
  | 'ERROR_wrongnode';

/** What is known of the instance's primary node and of where the instance really runs. */
export interface ObservedInstance {
  readonly primaryOffline: boolean;
  /** The primary node did not answer. */
  readonly primaryDown: boolean;
  /** The hypervisor reports it running (on some node). */
  readonly running: boolean;
  /** It runs, but on another node than its primary. */
  readonly onWrongNode?: boolean;
}

/**
 * Ganeti's derivation of an instance's `status` from its admin state and
 * what was observed: node problems first, then running vs wanted state.
 */
export function instanceStatus(instance: Pick<Instance, 'admin_state' | 'admin_state_source'>, seen: ObservedInstance): InstanceStatus {
  if (seen.primaryOffline) return 'ERROR_nodeoffline';
  if (seen.primaryDown) return 'ERROR_nodedown';
  if (seen.running) {
    if (seen.onWrongNode) return 'ERROR_wrongnode';
    return instance.admin_state === 'up' ? 'running' : 'ERROR_up';
  }
  if (instance.admin_state === 'up') return 'ERROR_down';
  if (instance.admin_state === 'down') return instance.admin_state_source === 'user' ? 'USER_down' : 'ADMIN_down';
  return 'ADMIN_offline';
}
