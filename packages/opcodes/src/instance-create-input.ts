import { checkTag, defaultBeparams, GanetiError, isGanetiError, orderedBeparams, type ParamDict } from '@corral/model';
import { DISK_TEMPLATES } from './disk-template-storage';
import type { OpInput } from './opcode-definition';
import { parseDiskSize } from './parse-disk-size';

/** A requested disk after the input checks. */
export interface DiskInput {
  readonly size: number;
  readonly mode: 'rw' | 'ro';
  readonly name: string | null;
  readonly spindles: number | null;
  readonly vg: string | null;
}

/** A requested NIC after the input checks: `ip` is null, `auto`, `pool` or an address; `mac` is `auto`, `generate` or an address. */
export interface NicInput {
  readonly ip: string | null;
  readonly mac: string;
  readonly network: string | null;
  readonly name: string | null;
  readonly nicparams: ParamDict;
}

/** The creation request's values that need parsing, normalised. */
export interface CreateInput {
  readonly disks: readonly DiskInput[];
  readonly nics: readonly NicInput[];
  readonly beparams: ParamDict;
  readonly start: boolean;
}

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const OS_NAME = /^[A-Za-z0-9_.+-]+$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const MAC = /^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/;
const DISK_KEYS = ['size', 'mode', 'name', 'spindles', 'vg', 'metavg', 'adopt', 'provider', 'access'];
const NIC_KEYS = ['ip', 'mac', 'mode', 'link', 'bridge', 'network', 'name', 'vlan'];
const NIC_MODES = ['bridged', 'routed', 'openvswitch'];
const BE_INT = ['maxmem', 'minmem', 'vcpus', 'spindle_use'];
const BE_BOOL = ['auto_balance', 'always_failover'];

const invalid = (message: string): GanetiError => GanetiError.prereq(message, 'wrong_input');

function isDict(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A host or instance name: ASCII letters, digits, `_`, `-` and `.`; anything else is refused clearly. */
export function checkInstanceName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255 || !NAME.test(name)) {
    throw invalid(`Invalid instance name '${String(name)}': only ASCII letters, digits, '_', '-' and '.' are allowed`);
  }
  return name;
}

function checkDisk(raw: unknown, index: number): DiskInput {
  if (!isDict(raw)) throw invalid(`Disk ${index} specification must be a dict`);
  for (const key of Object.keys(raw)) if (!DISK_KEYS.includes(key)) throw invalid(`Invalid disk parameter '${key}' for disk ${index}`);
  if (raw.size === undefined || raw.size === null) throw invalid(`Missing disk size for disk ${index}`);
  if (raw.adopt !== undefined) throw invalid('Disk adoption is not supported');
  const mode = raw.mode ?? 'rw';
  if (mode !== 'rw' && mode !== 'ro') throw invalid(`Invalid disk access mode '${String(mode)}'`);
  if (raw.spindles !== undefined && raw.spindles !== null && !(Number.isInteger(raw.spindles) && (raw.spindles as number) > 0)) {
    throw invalid(`Invalid spindles value '${String(raw.spindles)}' for disk ${index}`);
  }
  if (raw.name !== undefined && raw.name !== null && typeof raw.name !== 'string') throw invalid(`Invalid name for disk ${index}`);
  return {
    size: parseDiskSize(raw.size, index),
    mode,
    name: typeof raw.name === 'string' && raw.name !== 'none' ? raw.name : null,
    spindles: (raw.spindles as number | undefined) ?? null,
    vg: typeof raw.vg === 'string' ? raw.vg : null,
  };
}

function checkNic(raw: unknown, index: number, nameCheck: boolean): NicInput {
  if (!isDict(raw)) throw invalid(`NIC ${index} specification must be a dict`);
  for (const key of Object.keys(raw)) if (!NIC_KEYS.includes(key)) throw invalid(`Invalid NIC parameter '${key}' for NIC ${index}`);
  const nicparams: Record<string, unknown> = {};
  if (raw.mode !== undefined && raw.mode !== null) {
    if (typeof raw.mode !== 'string' || !NIC_MODES.includes(raw.mode)) throw invalid(`Invalid NIC mode '${String(raw.mode)}'`);
    nicparams.mode = raw.mode;
  }
  if (raw.link !== undefined && raw.bridge !== undefined && raw.link !== null && raw.bridge !== null) {
    throw invalid("Cannot pass 'link' and 'bridge' at the same time");
  }
  if (raw.bridge !== undefined && raw.bridge !== null && raw.mode === 'routed') throw invalid("Cannot pass 'bridge' on a routed nic");
  const link = raw.link ?? raw.bridge;
  if (link !== undefined && link !== null) {
    if (typeof link !== 'string') throw invalid(`Invalid link for NIC ${index}`);
    nicparams.link = link;
  }
  if (raw.vlan !== undefined && raw.vlan !== null) {
    if (typeof raw.vlan !== 'string' && !Number.isInteger(raw.vlan)) throw invalid(`Invalid vlan for NIC ${index}`);
    nicparams.vlan = String(raw.vlan);
  }
  const network = raw.network === undefined || raw.network === null || raw.network === 'none' ? null : raw.network;
  if (network !== null && typeof network !== 'string') throw invalid(`Invalid network for NIC ${index}`);
  let ip: string | null = null;
  const rawIp = raw.ip;
  if (rawIp === undefined || rawIp === null || (typeof rawIp === 'string' && rawIp.toLowerCase() === 'none')) ip = null;
  else if (typeof rawIp !== 'string') throw invalid(`Invalid IP address '${String(rawIp)}'`);
  else if (rawIp.toLowerCase() === 'auto') {
    if (!nameCheck) throw invalid('IP address set to auto but name checks have been skipped');
    ip = 'auto';
  } else if (rawIp.toLowerCase() === 'pool') {
    if (network === null) throw invalid('if ip=pool, parameter network must be passed too');
    ip = 'pool';
  } else if (!IPV4.test(rawIp)) throw invalid(`Invalid IP address '${rawIp}'`);
  else ip = rawIp;
  if (raw.mode === 'routed' && ip === null) throw invalid('Routed nic mode requires an ip address');
  let mac = 'auto';
  if (raw.mac !== undefined && raw.mac !== null) {
    if (typeof raw.mac !== 'string') throw invalid(`Invalid MAC address '${String(raw.mac)}'`);
    const lower = raw.mac.toLowerCase();
    if (lower === 'auto' || lower === 'generate') mac = lower;
    else if (!MAC.test(raw.mac)) throw invalid(`Invalid MAC address '${raw.mac}'`);
    else mac = lower;
  }
  if (raw.name !== undefined && raw.name !== null && typeof raw.name !== 'string') throw invalid(`Invalid name for NIC ${index}`);
  return { ip, mac, network, name: typeof raw.name === 'string' && raw.name !== 'none' ? raw.name : null, nicparams };
}

/**
 * Ganeti's beparams for a creation: the compatibility key `memory` becomes
 * `maxmem` and `minmem` (unless they are given), unknown keys and ill-typed
 * values are refused; the keys come out in Ganeti's order (minmem, maxmem, vcpus, ...).
 */
export function checkBeparams(raw: unknown): ParamDict {
  if (!isDict(raw)) throw invalid('beparams must be a dict');
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'memory') continue;
    if (!(key in defaultBeparams)) throw invalid(`Unknown backend parameter '${key}'`);
    if (BE_INT.includes(key) && !(Number.isInteger(value) && (value as number) >= 0)) throw invalid(`Backend parameter '${key}' must be a non-negative integer`);
    if (BE_BOOL.includes(key) && typeof value !== 'boolean') throw invalid(`Backend parameter '${key}' must be a boolean`);
    result[key] = value;
  }
  if ('memory' in raw) {
    const memory = raw.memory;
    if (!(Number.isInteger(memory) && (memory as number) > 0)) throw invalid("Backend parameter 'memory' must be a positive integer");
    if (!('maxmem' in result)) result.maxmem = memory;
    if (!('minmem' in result)) result.minmem = memory;
  }
  if (typeof result.minmem === 'number' && typeof result.maxmem === 'number' && result.minmem > result.maxmem) {
    throw invalid(`Minimum memory (${result.minmem}) is greater than maximum memory (${result.maxmem})`);
  }
  return orderedBeparams(result as ParamDict);
}

/**
 * The checks of an OP_INSTANCE_CREATE that need no cluster state (Ganeti's
 * CheckArguments): name and OS syntax, disks, NICs, beparams, the mode's
 * required parameters and the parameter combinations. Throws `wrong_input`.
 */
export function checkCreateInput(op: OpInput): CreateInput {
  checkInstanceName(op.instance_name);
  const mode = op.mode;
  if (mode !== 'create' && mode !== 'import' && mode !== 'remote-import') throw invalid(`Invalid instance creation mode '${String(mode)}'`);
  if (mode === 'create') {
    if (op.os_type === null || op.os_type === undefined) throw invalid('No guest OS specified');
  }
  if (op.os_type !== null && op.os_type !== undefined && (typeof op.os_type !== 'string' || !OS_NAME.test(op.os_type))) {
    throw invalid(`Invalid OS name '${String(op.os_type)}'`);
  }
  if (mode === 'import' && (op.src_path === null || op.src_path === undefined)) throw invalid('Missing source path for import');
  if (mode === 'remote-import') {
    if (!op.source_handshake) throw invalid('Missing source handshake');
    if (!op.source_x509_ca) throw invalid('Missing source X509 CA');
    if (!op.source_instance_name) throw invalid('Missing source instance name');
  }
  const template = op.disk_template;
  if (typeof template !== 'string' || !DISK_TEMPLATES.includes(template)) throw invalid(`Invalid disk template '${String(template)}'`);
  if (op.ip_check === true && op.name_check !== true) throw invalid('Cannot do ip check without a name check');
  if (op.pnode !== null && op.pnode !== undefined && op.iallocator !== null && op.iallocator !== undefined) {
    throw invalid('Do not specify both, iallocator and node.');
  }
  if (op.snode !== null && op.snode !== undefined && op.snode === op.pnode) throw invalid('The secondary node cannot be the primary node');
  if (!Array.isArray(op.disks)) throw invalid('disks must be a list');
  if (!Array.isArray(op.nics)) throw invalid('nics must be a list');
  const disks = op.disks.map((d, i) => checkDisk(d, i));
  if (template === 'diskless' && disks.length > 0) throw invalid("Disk template 'diskless' cannot have disks");
  if (template !== 'diskless' && disks.length === 0 && mode === 'create') throw invalid(`Disk template '${template}' needs at least one disk`);
  const nics = op.nics.map((n, i) => checkNic(n, i, op.name_check === true));
  const beparams = checkBeparams(op.beparams ?? {});
  if (op.hvparams !== undefined && !isDict(op.hvparams)) throw invalid('hvparams must be a dict');
  if (op.osparams !== undefined && !isDict(op.osparams)) throw invalid('osparams must be a dict');
  if (op.file_storage_dir !== null && op.file_storage_dir !== undefined && (typeof op.file_storage_dir !== 'string' || op.file_storage_dir.startsWith('/'))) {
    throw invalid('The file storage directory must be a relative path');
  }
  for (const tag of (op.tags as unknown[] | undefined) ?? []) {
    try {
      checkTag(tag);
    } catch (error) {
      throw isGanetiError(error) ? invalid(`Invalid tag '${String(tag)}': ${error.message}`) : error;
    }
  }
  return { disks, nics, beparams, start: op.start === true && op.no_install !== true };
}
