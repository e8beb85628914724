import type { ParamDict } from '@corral/model';

/** Ganeti's HVC_GLOBALS: cluster-wide hypervisor parameters that instance queries leave out. */
export const HV_GLOBAL_PARAMS: readonly string[] = ['migration_port', 'migration_bandwidth', 'migration_mode', 'xen_cmd'];

/** Effective hvparams as instance queries show them (Ganeti's FillHV with skip_globals). */
export function withoutHvGlobals(params: ParamDict): ParamDict {
  return Object.fromEntries(Object.entries(params).filter(([key]) => !HV_GLOBAL_PARAMS.includes(key)));
}
