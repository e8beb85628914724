import type { Storage, StorageUnit, StorageUnitChanges } from '@corral/contracts';
import { LVM_LIST_FLAGS, LvmStorageBase } from './lvm-storage-base';
import { lvmMib, parseLvmTable } from './parse-lvm-table';

/** Ganeti's `lvm-pv` storage: physical volumes; only `allocatable` can change (`pvchange --allocatable`). */
export class LvmPvStorage extends LvmStorageBase implements Storage {
  readonly type = 'lvm-pv';

  async listUnits(name?: string): Promise<StorageUnit[]> {
    const args = [...LVM_LIST_FLAGS, '--options', 'pv_name,pv_size,pv_used,pv_free,pv_attr', ...(name === undefined ? [] : [name])];
    const { stdout } = await this.must('pvs', args);
    return parseLvmTable(stdout, 5).map(([pvName, size, used, free, attr]) => ({
      name: pvName,
      size: lvmMib(size),
      used: lvmMib(used),
      free: lvmMib(free),
      allocatable: attr.startsWith('a'),
    }));
  }

  override async modifyUnit(name: string, changes: StorageUnitChanges): Promise<void> {
    const other = Object.keys(changes).filter((k) => k !== 'allocatable');
    if (other.length > 0) this.fail(`The following fields can not be modified for storage units of type '${this.type}': ${other.join(', ')}`);
    if (changes.allocatable === undefined) return;
    await this.must('pvchange', ['--allocatable', changes.allocatable ? 'y' : 'n', name]);
  }
}
