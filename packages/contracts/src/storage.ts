import type { NodeLocation } from './node-location';

/** Ganeti's storage types (`file`, `sharedfile`, `lvm-pv`, `lvm-vg`, `gluster`, ...). */
export type StorageType = string;

/** One row of Ganeti's storage query (§6.1), sizes in MiB. */
export interface StorageUnit {
  readonly name: string;
  readonly size: number;
  readonly used: number;
  readonly free: number;
  readonly allocatable: boolean;
}

/** The fields a storage modify may change (only `allocatable`, only on lvm-pv, in Ganeti). */
export interface StorageUnitChanges {
  readonly allocatable?: boolean;
}

/** A disk in a storage unit: `name` is unique within the unit (e.g. `<instance-uuid>.disk0`). */
export interface DiskRequest {
  /** The unit (directory name, volume group); the plugin's default when omitted. */
  readonly unit?: string;
  readonly name: string;
}

/**
 * The storage of one type on one node (Ganeti's storage container plus the
 * block-device operations the templates need). Failures are PluginError
 * of kind `storage`; an unsupported operation says so in Ganeti's words
 * (e.g. `Storage units of type 'file' can not be modified`).
 */
export interface Storage {
  readonly type: StorageType;
  /** All units, or only the named one (then at most one row). */
  listUnits(name?: string): Promise<StorageUnit[]>;
  modifyUnit(name: string, changes: StorageUnitChanges): Promise<void>;
  /** Ganeti's `fix-consistency` repair. */
  repairUnit(name: string): Promise<void>;
  /** Creates the disk (`size` MiB) and returns its path on the node. */
  createDisk(disk: DiskRequest, size: number): Promise<string>;
  removeDisk(disk: DiskRequest): Promise<void>;
  /** Grows the disk by `amount` MiB. */
  growDisk(disk: DiskRequest, amount: number): Promise<void>;
  /** Path of an existing disk; a storage error when it does not exist. */
  attachDisk(disk: DiskRequest): Promise<string>;
  /** Copies the disk's content into the file `destination`. */
  exportDisk(disk: DiskRequest, destination: string): Promise<void>;
  /** Creates the disk from the content of the file `source`. */
  importDisk(disk: DiskRequest, source: string): Promise<string>;
}

/** What a storage plugin binds (multi-binding): a factory per storage type. */
export interface StorageProvider {
  readonly type: StorageType;
  forNode(node: NodeLocation): Storage;
}

export const StorageProvider: unique symbol = Symbol.for('@corral/contracts/StorageProvider');
