import type { Cluster, ParamDict } from './cluster';
import type { Instance, Nic } from './instance';
import type { Node } from './node';
import type { NodeGroup } from './node-group';

/**
 * Ganeti's FillDict: the defaults with the object's own values laid over
 * them (one level deep, as Ganeti does). Keys whose own value is the string
 * `"default"` fall back to the default.
 */
export function fillParams(defaults: ParamDict | undefined, own: ParamDict | undefined): ParamDict {
  const result: ParamDict = { ...(defaults ?? {}) };
  for (const [key, value] of Object.entries(own ?? {})) {
    if (value === 'default' && defaults && key in defaults) continue;
    result[key] = value;
  }
  return result;
}

/** The instance's effective backend parameters (cluster `default` beparams filled with its own). */
export function effectiveBeparams(cluster: Cluster, instance: Pick<Instance, 'beparams'>): ParamDict {
  return fillParams(cluster.beparams.default, instance.beparams);
}

/**
 * The instance's effective hypervisor parameters: the cluster's for its
 * hypervisor, then the cluster's per-OS overrides (`os_hvp`), then its own.
 */
export function effectiveHvparams(cluster: Cluster, instance: Pick<Instance, 'hypervisor' | 'os' | 'hvparams'>): ParamDict {
  const osBase = instance.os.split('+')[0];
  const perOs = cluster.os_hvp[instance.os]?.[instance.hypervisor] ?? cluster.os_hvp[osBase]?.[instance.hypervisor];
  return fillParams(fillParams(cluster.hvparams[instance.hypervisor], perOs), instance.hvparams);
}

/** The instance's effective OS parameters: the cluster's for its OS, then its own. */
export function effectiveOsparams(cluster: Cluster, instance: Pick<Instance, 'os' | 'osparams'>): ParamDict {
  const osBase = instance.os.split('+')[0];
  return fillParams(fillParams(cluster.osparams[osBase], cluster.osparams[instance.os]), instance.osparams);
}

/** A NIC's effective `mode`/`link`/`vlan`: the cluster's default nicparams filled with its own. */
export function effectiveNicparams(cluster: Cluster, nic: Pick<Nic, 'nicparams'>): ParamDict {
  return fillParams(cluster.nicparams.default, nic.nicparams);
}

/** A node's effective node parameters: cluster, then its group, then its own. */
export function effectiveNdparams(cluster: Cluster, group: Pick<NodeGroup, 'ndparams'> | undefined, node: Pick<Node, 'ndparams'>): ParamDict {
  return fillParams(fillParams(cluster.ndparams, group?.ndparams), node.ndparams);
}
