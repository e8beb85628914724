import type { ConfigObject } from './config-object';

/**
 * An IP network instances' NICs can be connected to, with its address pool
 * (`reservations` is Ganeti's bitmap as a string of `0`/`1`, one per address).
 */
export interface Network extends ConfigObject {
  readonly name: string;
  readonly network: string;
  readonly gateway: string | null;
  readonly network6: string | null;
  readonly gateway6: string | null;
  readonly mac_prefix: string | null;
  readonly reservations: string;
  readonly ext_reservations: string;
}
