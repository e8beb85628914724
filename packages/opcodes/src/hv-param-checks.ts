import { PluginError, type Hypervisor } from '@corral/contracts';
import { GanetiError, defaultHvparams, type ParamDict } from '@corral/model';

/** Ganeti's HVC_GLOBALS: hypervisor parameters only the cluster may set. */
export const HV_GLOBAL_PARAMS: readonly string[] = ['migration_bandwidth', 'migration_mode', 'migration_port', 'xen_cmd'];

const KNOWN_HV_PARAMS = new Set([...Object.values(defaultHvparams).flatMap((p) => Object.keys(p)), ...HV_GLOBAL_PARAMS]);

/**
 * Ganeti's checks of instance-level hvparams, in its order: a name no
 * hypervisor knows is a TypeEnforcementError, a global one an OpPrereqError
 * (wrong_input), and the filled dictionary must pass the instance's
 * hypervisor's syntax check (a HypervisorError otherwise).
 */
export function checkInstanceHvparams(changes: ParamDict, filled: ParamDict, hypervisor: Hypervisor): void {
  for (const key of Object.keys(changes)) {
    if (!KNOWN_HV_PARAMS.has(key)) throw new GanetiError('TypeEnforcementError', `Unknown parameter '${key}'`);
  }
  const globals = HV_GLOBAL_PARAMS.filter((key) => key in changes);
  if (globals.length > 0) {
    throw GanetiError.prereq(
      `The following hypervisor parameters are global and cannot be customized at instance level, please modify them at cluster level: ${globals.join(', ')}`,
      'wrong_input',
    );
  }
  try {
    hypervisor.checkParameterSyntax(filled);
  } catch (error) {
    if (PluginError.is(error)) throw new GanetiError('HypervisorError', error.message);
    throw error;
  }
}
