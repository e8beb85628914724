import { defaultBeparams, GanetiError } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import { coerceExportedParams } from './coerce-exported-params';
import { exportCreateDefaults } from './export-create-defaults';
import type { OpInput } from './opcode-definition';
import { readExport, type ExportInfo } from './read-export';

/** What a creation in mode `import` starts from: the request filled from the export, and the export. */
export interface ImportSource {
  /** The create opcode's fields with the export's values where the request gave none. */
  readonly fields: OpInput;
  readonly info: ExportInfo;
}

/**
 * The export side of OP_INSTANCE_CREATE in mode `import` (Ganeti's
 * _ReadExportInfo, _ReadExportParams and the disk-count check of
 * CheckPrereq): reads the export named by `src_node`/`src_path` and fills
 * the request from it. `remote-import` is refused (inter-cluster moves
 * are not supported). No export is wrong_input, a wrong export version
 * environment_error, fewer disks than the export has wrong_input.
 */
export function readImportSource(op: OpInput, snapshot: ConfigSnapshot): ImportSource {
  if (op.mode === 'remote-import') {
    throw GanetiError.prereq('Remote (inter-cluster) imports are not supported by Corral', 'wrong_input');
  }
  const info = readExport(snapshot, (op.src_node as string | null) ?? null, String(op.src_path));
  const filled = exportCreateDefaults(op, info);
  const cluster = snapshot.list('cluster')[0]!;
  const hypervisor = (filled.hypervisor as string | null | undefined) ?? cluster.default_hypervisor;
  const fields = {
    ...filled,
    beparams: coerceExportedParams(filled.beparams as Record<string, unknown>, { ...defaultBeparams, memory: 0 }),
    hvparams: coerceExportedParams(filled.hvparams as Record<string, unknown>, cluster.hvparams[hypervisor] ?? {}),
  } as unknown as OpInput;
  const disks = (fields.disks as unknown[]).length;
  if (disks < info.disks.length) {
    throw GanetiError.prereq(`Not enough disks to import. (instance: ${disks}, export: ${info.disks.length})`, 'wrong_input');
  }
  if (fields.disk_template !== 'diskless' && disks === 0) {
    throw GanetiError.prereq('No disk info specified and the export is missing the disk information', 'wrong_input');
  }
  return { fields: { ...fields, src_node: info.srcNode, src_path: info.srcPath }, info };
}
