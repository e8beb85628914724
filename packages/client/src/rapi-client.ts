import type { RapiClientOptions } from './rapi-client-options';
import { RapiTransport, type QueryValue, type RapiCall } from './rapi-transport';
import type { JobChange, JobId, JobInfo, NodeRole, Params, QueryResource, QueryResult, SubmitOptions } from './rapi-types';

const enc = encodeURIComponent;

function q(options: SubmitOptions | undefined, extra: Record<string, QueryValue> = {}): Record<string, QueryValue> {
  return { 'dry-run': options?.dryRun, reason: options?.reason, ...extra };
}

/**
 * A typed client for every RAPI v2 resource, with the surface of Ganeti's
 * Python client (`ganeti.rapi.client.GanetiRapiClient`) in TypeScript names.
 * Calls that submit a job resolve with its id; see `waitForJob` to follow it.
 */
export class RapiClient {
  protected readonly transport: RapiTransport;

  constructor(options: RapiClientOptions) {
    this.transport = new RapiTransport(options);
  }

  /** Sends any request; the other methods are thin wrappers around it. */
  request<T = unknown>(call: RapiCall): Promise<T> {
    return this.transport.send<T>(call);
  }

  /** Closes idle connections; the client can still be used afterwards. */
  close(): void {
    this.transport.close();
  }

  // ---- cluster -------------------------------------------------------------
  getVersion(): Promise<number> {
    return this.request({ method: 'GET', path: '/version' });
  }
  getFeatures(): Promise<string[]> {
    return this.request({ method: 'GET', path: '/2/features' });
  }
  getInfo(): Promise<Record<string, unknown>> {
    return this.request({ method: 'GET', path: '/2/info' });
  }
  getOperatingSystems(): Promise<string[]> {
    return this.request({ method: 'GET', path: '/2/os' });
  }
  redistributeConfig(options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: '/2/redistribute-config', query: q(options) });
  }
  modifyCluster(params: Params, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: '/2/modify', query: q(options), body: params });
  }
  getClusterTags(): Promise<string[]> {
    return this.request({ method: 'GET', path: '/2/tags' });
  }
  addClusterTags(tags: readonly string[], options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: '/2/tags', query: q(options, { tag: tags }) });
  }
  deleteClusterTags(tags: readonly string[], options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'DELETE', path: '/2/tags', query: q(options, { tag: tags }) });
  }

  // ---- instances -----------------------------------------------------------
  /** Instance names, sorted. */
  async getInstances(): Promise<string[]> {
    return (await this.request<{ id: string }[]>({ method: 'GET', path: '/2/instances' })).map((i) => i.id);
  }
  getInstancesBulk(): Promise<Record<string, unknown>[]> {
    return this.request({ method: 'GET', path: '/2/instances', query: { bulk: 1 } });
  }
  getInstance(name: string): Promise<Record<string, unknown>> {
    return this.request({ method: 'GET', path: `/2/instances/${enc(name)}` });
  }
  /** Submits a job gathering runtime (and, with `static`, only static) data. */
  getInstanceInfo(name: string, options: { static?: boolean } = {}): Promise<JobId> {
    return this.request({ method: 'GET', path: `/2/instances/${enc(name)}/info`, query: { static: options.static ? 1 : undefined } });
  }
  /** Request version 1 creation; `params` holds everything but the fields named here. */
  createInstance(
    mode: 'create' | 'import' | 'remote-import',
    name: string,
    diskTemplate: string,
    disks: Params[],
    nics: Params[],
    params: Params = {},
    options?: SubmitOptions,
  ): Promise<JobId> {
    return this.request({
      method: 'POST',
      path: '/2/instances',
      query: q(options),
      body: { ...params, __version__: 1, mode, name, disk_template: diskTemplate, disks, nics },
    });
  }
  instancesMultiAlloc(instances: Params[], params: Params = {}, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'POST', path: '/2/instances-multi-alloc', query: q(options), body: { ...params, instances } });
  }
  deleteInstance(name: string, params: Params = {}, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'DELETE', path: `/2/instances/${enc(name)}`, query: q(options), body: params });
  }
  modifyInstance(name: string, params: Params, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/instances/${enc(name)}/modify`, query: q(options), body: params });
  }
  activateInstanceDisks(name: string, options: SubmitOptions & { ignoreSize?: boolean } = {}): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/instances/${enc(name)}/activate-disks`, query: q(options, { ignore_size: options.ignoreSize }) });
  }
  deactivateInstanceDisks(name: string, options: SubmitOptions & { force?: boolean } = {}): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/instances/${enc(name)}/deactivate-disks`, query: q(options, { force: options.force }) });
  }
  recreateInstanceDisks(name: string, params: { disks?: unknown[]; nodes?: string[]; iallocator?: string } = {}, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'POST', path: `/2/instances/${enc(name)}/recreate-disks`, query: q(options), body: params });
  }
  growInstanceDisk(name: string, disk: number, amount: number, params: Params = {}, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'POST', path: `/2/instances/${enc(name)}/disk/${disk}/grow`, query: q(options), body: { ...params, amount } });
  }
  getInstanceTags(name: string): Promise<string[]> {
    return this.request({ method: 'GET', path: `/2/instances/${enc(name)}/tags` });
  }
  addInstanceTags(name: string, tags: readonly string[], options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/instances/${enc(name)}/tags`, query: q(options, { tag: tags }) });
  }
  deleteInstanceTags(name: string, tags: readonly string[], options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'DELETE', path: `/2/instances/${enc(name)}/tags`, query: q(options, { tag: tags }) });
  }
  rebootInstance(name: string, options: SubmitOptions & { type?: 'soft' | 'hard' | 'full'; ignoreSecondaries?: boolean } = {}, params: Params = {}): Promise<JobId> {
    return this.request({
      method: 'POST',
      path: `/2/instances/${enc(name)}/reboot`,
      query: q(options, { type: options.type, ignore_secondaries: options.ignoreSecondaries }),
      body: params,
    });
  }
  shutdownInstance(name: string, options: SubmitOptions & { noRemember?: boolean } = {}, params: Params = {}): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/instances/${enc(name)}/shutdown`, query: q(options, { no_remember: options.noRemember }), body: params });
  }
  startupInstance(name: string, options: SubmitOptions & { noRemember?: boolean; force?: boolean } = {}): Promise<JobId> {
    return this.request({
      method: 'PUT',
      path: `/2/instances/${enc(name)}/startup`,
      query: q(options, { no_remember: options.noRemember, force: options.force }),
    });
  }
  reinstallInstance(name: string, params: { os?: string | null; start?: boolean; osparams?: Params } = {}): Promise<JobId> {
    return this.request({ method: 'POST', path: `/2/instances/${enc(name)}/reinstall`, body: params });
  }
  replaceInstanceDisks(name: string, params: { mode: string; disks?: number[]; remote_node?: string; iallocator?: string; early_release?: boolean }): Promise<JobId> {
    return this.request({ method: 'POST', path: `/2/instances/${enc(name)}/replace-disks`, body: params });
  }
  prepareExport(name: string, mode: 'local' | 'remote'): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/instances/${enc(name)}/prepare-export`, query: { mode } });
  }
  exportInstance(name: string, mode: 'local' | 'remote', destination: unknown, params: Params = {}): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/instances/${enc(name)}/export`, body: { ...params, mode, destination } });
  }
  migrateInstance(name: string, params: { mode?: 'live' | 'non-live'; cleanup?: boolean; target_node?: string; iallocator?: string } & Params = {}): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/instances/${enc(name)}/migrate`, body: params });
  }
  failoverInstance(name: string, params: { target_node?: string; iallocator?: string; ignore_consistency?: boolean } & Params = {}, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/instances/${enc(name)}/failover`, query: q(options), body: params });
  }
  renameInstance(name: string, newName: string, params: { ip_check?: boolean; name_check?: boolean } = {}): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/instances/${enc(name)}/rename`, body: { ...params, new_name: newName } });
  }
  getInstanceConsole(name: string): Promise<Record<string, unknown>> {
    return this.request({ method: 'GET', path: `/2/instances/${enc(name)}/console` });
  }

  // ---- jobs ----------------------------------------------------------------
  async getJobs(): Promise<JobId[]> {
    return (await this.request<{ id: JobId }[]>({ method: 'GET', path: '/2/jobs' })).map((j) => j.id);
  }
  getJobsBulk(): Promise<Partial<JobInfo>[]> {
    return this.request({ method: 'GET', path: '/2/jobs', query: { bulk: 1 } });
  }
  getJobStatus(id: JobId): Promise<JobInfo> {
    return this.request({ method: 'GET', path: `/2/jobs/${id}` });
  }
  /** One long-poll (up to ~10 s on the server) for a change of `fields` or new log entries. */
  waitForJobChange(id: JobId, fields: readonly string[], previousJobInfo: unknown[] | null, previousLogSerial: number | null): Promise<JobChange | null> {
    return this.request({
      method: 'GET',
      path: `/2/jobs/${id}/wait`,
      body: { fields, previous_job_info: previousJobInfo, previous_log_serial: previousLogSerial },
      timeoutMs: 70_000,
    });
  }
  /** `[true, message]` when the job was (or will be) canceled, `[false, message]` otherwise. */
  cancelJob(id: JobId): Promise<[boolean, string]> {
    return this.request({ method: 'DELETE', path: `/2/jobs/${id}` });
  }

  // ---- nodes ---------------------------------------------------------------
  async getNodes(): Promise<string[]> {
    return (await this.request<{ id: string }[]>({ method: 'GET', path: '/2/nodes' })).map((n) => n.id);
  }
  getNodesBulk(): Promise<Record<string, unknown>[]> {
    return this.request({ method: 'GET', path: '/2/nodes', query: { bulk: 1 } });
  }
  getNode(name: string): Promise<Record<string, unknown>> {
    return this.request({ method: 'GET', path: `/2/nodes/${enc(name)}` });
  }
  evacuateNode(name: string, params: { mode: 'all' | 'primary-only' | 'secondary-only'; iallocator?: string; remote_node?: string; early_release?: boolean }, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'POST', path: `/2/nodes/${enc(name)}/evacuate`, query: q(options), body: params });
  }
  migrateNode(name: string, params: { mode?: 'live' | 'non-live'; target_node?: string; iallocator?: string } & Params = {}): Promise<JobId> {
    return this.request({ method: 'POST', path: `/2/nodes/${enc(name)}/migrate`, body: params });
  }
  getNodeRole(name: string): Promise<NodeRole> {
    return this.request({ method: 'GET', path: `/2/nodes/${enc(name)}/role` });
  }
  setNodeRole(name: string, role: Exclude<NodeRole, 'master'>, options: { force?: boolean; autoPromote?: boolean; reason?: string } = {}): Promise<JobId> {
    return this.request({
      method: 'PUT',
      path: `/2/nodes/${enc(name)}/role`,
      query: { force: options.force, 'auto-promote': options.autoPromote, reason: options.reason },
      body: role,
    });
  }
  powercycleNode(name: string, options: { force?: boolean } = {}): Promise<JobId> {
    return this.request({ method: 'POST', path: `/2/nodes/${enc(name)}/powercycle`, query: { force: options.force } });
  }
  modifyNode(name: string, params: Params): Promise<JobId> {
    return this.request({ method: 'POST', path: `/2/nodes/${enc(name)}/modify`, body: params });
  }
  getNodeStorageUnits(name: string, storageType: string, outputFields: readonly string[]): Promise<JobId> {
    return this.request({ method: 'GET', path: `/2/nodes/${enc(name)}/storage`, query: { storage_type: storageType, output_fields: outputFields.join(',') } });
  }
  modifyNodeStorageUnits(name: string, storageType: string, unit: string, options: { allocatable?: boolean } = {}): Promise<JobId> {
    return this.request({
      method: 'PUT',
      path: `/2/nodes/${enc(name)}/storage/modify`,
      query: { storage_type: storageType, name: unit, allocatable: options.allocatable === undefined ? undefined : options.allocatable ? 1 : 0 },
    });
  }
  repairNodeStorageUnits(name: string, storageType: string, unit: string): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/nodes/${enc(name)}/storage/repair`, query: { storage_type: storageType, name: unit } });
  }
  getNodeTags(name: string): Promise<string[]> {
    return this.request({ method: 'GET', path: `/2/nodes/${enc(name)}/tags` });
  }
  addNodeTags(name: string, tags: readonly string[], options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/nodes/${enc(name)}/tags`, query: q(options, { tag: tags }) });
  }
  deleteNodeTags(name: string, tags: readonly string[], options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'DELETE', path: `/2/nodes/${enc(name)}/tags`, query: q(options, { tag: tags }) });
  }

  // ---- groups --------------------------------------------------------------
  async getGroups(): Promise<string[]> {
    return (await this.request<{ name: string }[]>({ method: 'GET', path: '/2/groups' })).map((g) => g.name);
  }
  getGroupsBulk(): Promise<Record<string, unknown>[]> {
    return this.request({ method: 'GET', path: '/2/groups', query: { bulk: 1 } });
  }
  getGroup(name: string): Promise<Record<string, unknown>> {
    return this.request({ method: 'GET', path: `/2/groups/${enc(name)}` });
  }
  createGroup(name: string, params: Params = {}, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'POST', path: '/2/groups', query: q(options), body: { ...params, group_name: name } });
  }
  modifyGroup(name: string, params: Params): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/groups/${enc(name)}/modify`, body: params });
  }
  deleteGroup(name: string, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'DELETE', path: `/2/groups/${enc(name)}`, query: q(options) });
  }
  renameGroup(name: string, newName: string, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/groups/${enc(name)}/rename`, query: q(options), body: { new_name: newName } });
  }
  assignGroupNodes(name: string, nodes: readonly string[], options: SubmitOptions & { force?: boolean } = {}): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/groups/${enc(name)}/assign-nodes`, query: q(options, { force: options.force }), body: { nodes } });
  }
  getGroupTags(name: string): Promise<string[]> {
    return this.request({ method: 'GET', path: `/2/groups/${enc(name)}/tags` });
  }
  addGroupTags(name: string, tags: readonly string[], options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/groups/${enc(name)}/tags`, query: q(options, { tag: tags }) });
  }
  deleteGroupTags(name: string, tags: readonly string[], options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'DELETE', path: `/2/groups/${enc(name)}/tags`, query: q(options, { tag: tags }) });
  }

  // ---- networks ------------------------------------------------------------
  async getNetworks(): Promise<string[]> {
    return (await this.request<{ name: string }[]>({ method: 'GET', path: '/2/networks' })).map((n) => n.name);
  }
  getNetworksBulk(): Promise<Record<string, unknown>[]> {
    return this.request({ method: 'GET', path: '/2/networks', query: { bulk: 1 } });
  }
  getNetwork(name: string): Promise<Record<string, unknown>> {
    return this.request({ method: 'GET', path: `/2/networks/${enc(name)}` });
  }
  createNetwork(name: string, network: string, params: Params = {}, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'POST', path: '/2/networks', query: q(options), body: { ...params, network_name: name, network } });
  }
  connectNetwork(name: string, group: string, mode: string, link: string, params: Params = {}, options?: SubmitOptions): Promise<JobId> {
    return this.request({
      method: 'PUT',
      path: `/2/networks/${enc(name)}/connect`,
      query: q(options),
      body: { ...params, group_name: group, network_mode: mode, network_link: link },
    });
  }
  disconnectNetwork(name: string, group: string, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/networks/${enc(name)}/disconnect`, query: q(options), body: { group_name: group } });
  }
  modifyNetwork(name: string, params: Params): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/networks/${enc(name)}/modify`, body: params });
  }
  deleteNetwork(name: string, options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'DELETE', path: `/2/networks/${enc(name)}`, query: q(options) });
  }
  getNetworkTags(name: string): Promise<string[]> {
    return this.request({ method: 'GET', path: `/2/networks/${enc(name)}/tags` });
  }
  addNetworkTags(name: string, tags: readonly string[], options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'PUT', path: `/2/networks/${enc(name)}/tags`, query: q(options, { tag: tags }) });
  }
  deleteNetworkTags(name: string, tags: readonly string[], options?: SubmitOptions): Promise<JobId> {
    return this.request({ method: 'DELETE', path: `/2/networks/${enc(name)}/tags`, query: q(options, { tag: tags }) });
  }

  // ---- query and filters ---------------------------------------------------
  query(resource: QueryResource, fields: readonly string[], qfilter: unknown = null): Promise<QueryResult> {
    return this.request({ method: 'PUT', path: `/2/query/${resource}`, body: { fields, qfilter } });
  }
  queryFields(resource: QueryResource, fields?: readonly string[]): Promise<{ fields: QueryResult['fields'] }> {
    return this.request({ method: 'GET', path: `/2/query/${resource}/fields`, query: { fields: fields?.join(',') } });
  }
  getFilters(): Promise<string[]> {
    return this.request<{ uuid: string }[]>({ method: 'GET', path: '/2/filters' }).then((l) => l.map((f) => f.uuid));
  }
  getFiltersBulk(): Promise<Record<string, unknown>[]> {
    return this.request({ method: 'GET', path: '/2/filters', query: { bulk: 1 } });
  }
  getFilter(uuid: string): Promise<Record<string, unknown>> {
    return this.request({ method: 'GET', path: `/2/filters/${enc(uuid)}` });
  }
  addFilter(rule: { priority?: number; predicates?: unknown[]; action?: unknown; reason?: unknown[] }): Promise<string> {
    return this.request({ method: 'POST', path: '/2/filters', body: rule });
  }
  replaceFilter(uuid: string, rule: { priority?: number; predicates?: unknown[]; action?: unknown; reason?: unknown[] }): Promise<string> {
    return this.request({ method: 'PUT', path: `/2/filters/${enc(uuid)}`, body: rule });
  }
  deleteFilter(uuid: string): Promise<null> {
    return this.request({ method: 'DELETE', path: `/2/filters/${enc(uuid)}` });
  }
}
