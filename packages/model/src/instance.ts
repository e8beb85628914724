import type { ConfigObject } from './config-object';
import type { ParamDict } from './cluster';

/** Administrative state an operator sets: Ganeti 3.0's `admin_state` strings. */
export type AdminState = 'up' | 'down' | 'offline';

/** One virtual disk of an instance; sizes in MiB, as Ganeti reports them. */
export interface Disk {
  readonly uuid: string;
  readonly name: string | null;
  readonly size: number;
  readonly spindles: number | null;
  readonly mode: 'rw' | 'ro';
  readonly dev_type: string;
  /** Template-specific identity of the backing storage (LV name, file path, ...). */
  readonly logical_id: readonly unknown[];
  readonly params: ParamDict;
}

/** One network interface of an instance. */
export interface Nic {
  readonly uuid: string;
  readonly name: string | null;
  readonly mac: string;
  readonly ip: string | null;
  /** uuid of the network the NIC is connected to, if any. */
  readonly network: string | null;
  /** mode, link, vlan. */
  readonly nicparams: ParamDict;
}

/**
 * A virtual machine. `admin_state` is what the operator wants; the
 * operational state (whether it really runs, with how much memory) is
 * observed from the hypervisor and recorded in `oper_state`/`oper_ram`/`oper_vcpus`
 * by whoever polls it, never decided here.
 */
export interface Instance extends ConfigObject {
  readonly name: string;
  /** uuid of the primary node. */
  readonly primary_node: string;
  /** uuids of secondary nodes (DRBD). */
  readonly secondary_nodes: readonly string[];
  readonly os: string;
  readonly hypervisor: string;
  readonly disk_template: string;
  readonly disks: readonly Disk[];
  readonly nics: readonly Nic[];
  /** Only the instance's own values; the effective ones merge the cluster's. */
  readonly beparams: ParamDict;
  readonly hvparams: ParamDict;
  readonly osparams: ParamDict;
  /** Private OS parameters: stored, never shown (encoded as null). */
  readonly osparams_private: ParamDict;
  readonly admin_state: AdminState;
  readonly admin_state_source: 'admin' | 'user';
  readonly network_port: number | null;
  readonly oper_state: boolean;
  readonly oper_ram: number | null;
  readonly oper_vcpus: number | null;
}
