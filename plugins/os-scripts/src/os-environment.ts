import type { OsDefinitionInfo, OsInstanceSpec, ParamValues } from '@corral/contracts';
import { SUPPORTED_OS_API_VERSIONS } from './read-os-definition';

/** Environment variables as Ganeti passes them to OS scripts. */
export type OsEnvironment = Record<string, string>;

function str(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

/** The highest API version both sides speak. */
export function osApiVersion(info: OsDefinitionInfo): number {
  return Math.max(...info.apiVersions.filter((v) => SUPPORTED_OS_API_VERSIONS.includes(v)));
}

/** `name` and `variant` of `name+variant`. */
export function splitOsName(os: string): { name: string; variant: string } {
  const at = os.indexOf('+');
  return at < 0 ? { name: os, variant: '' } : { name: os.slice(0, at), variant: os.slice(at + 1) };
}

/** OS_API_VERSION, OS_NAME, OS_VARIANT, OSP_* and DEBUG_LEVEL (Ganeti's OSCoreEnv). */
export function osCoreEnvironment(info: OsDefinitionInfo, os: string, osparams: ParamValues, debugLevel = 0): OsEnvironment {
  const version = osApiVersion(info);
  const env: OsEnvironment = { OS_API_VERSION: String(version), OS_NAME: info.name, DEBUG_LEVEL: String(debugLevel) };
  if (version >= 15) env.OS_VARIANT = splitOsName(os).variant || info.variants[0] || '';
  for (const [key, value] of Object.entries(osparams)) env[`OSP_${key.toUpperCase().replace(/-/g, '_')}`] = str(value);
  return env;
}

/**
 * Ganeti's OSEnvironment: the core variables plus INSTANCE_NAME, INSTANCE_OS,
 * HYPERVISOR, DISK_COUNT, DISK_<i>_PATH/ACCESS, NIC_COUNT, NIC_<i>_MAC/IP/
 * MODE/LINK/BRIDGE, INSTANCE_HV_* and INSTANCE_BE_*.
 */
export function osEnvironment(info: OsDefinitionInfo, instance: OsInstanceSpec): OsEnvironment {
  const env = osCoreEnvironment(info, instance.os, instance.osparams, instance.debugLevel ?? 0);
  env.INSTANCE_NAME = instance.name;
  env.INSTANCE_OS = instance.os;
  env.HYPERVISOR = instance.hypervisor;
  env.DISK_COUNT = String(instance.disks.length);
  instance.disks.forEach((disk, i) => {
    env[`DISK_${i}_PATH`] = disk.path;
    env[`DISK_${i}_ACCESS`] = disk.mode;
    if (disk.uuid) env[`DISK_${i}_UUID`] = disk.uuid;
    if (disk.name) env[`DISK_${i}_NAME`] = disk.name;
    if (instance.diskTemplate === 'file' || instance.diskTemplate === 'sharedfile') env[`DISK_${i}_BACKEND_TYPE`] = 'file:loop';
    else env[`DISK_${i}_BACKEND_TYPE`] = 'block';
  });
  env.NIC_COUNT = String(instance.nics.length);
  instance.nics.forEach((nic, i) => {
    env[`NIC_${i}_MAC`] = nic.mac;
    if (nic.ip) env[`NIC_${i}_IP`] = nic.ip;
    env[`NIC_${i}_MODE`] = nic.mode;
    env[`NIC_${i}_LINK`] = nic.link;
    if (nic.mode === 'bridged') env[`NIC_${i}_BRIDGE`] = nic.link;
    if (nic.uuid) env[`NIC_${i}_UUID`] = nic.uuid;
    if (nic.name) env[`NIC_${i}_NAME`] = nic.name;
  });
  for (const [key, value] of Object.entries(instance.hvparams)) env[`INSTANCE_HV_${key}`] = str(value);
  for (const [key, value] of Object.entries(instance.beparams)) env[`INSTANCE_BE_${key}`] = str(value);
  if (instance.primaryNode) env.INSTANCE_PRIMARY = instance.primaryNode;
  if (instance.secondaryNode) env.INSTANCE_SECONDARY = instance.secondaryNode;
  return env;
}
