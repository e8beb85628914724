import { inject, injectable } from 'inversify';
import { NodeRunner } from '@corral/contracts';
import { JobQueue } from '@corral/jobs';
import { OpcodeRegistry } from '@corral/opcodes';
import { ConfigStore } from '@corral/store';
import { InstanceBulkCache } from './query/instance-bulk-cache';

/**
 * Everything RAPI handlers may use, injected once. Handlers receive it as
 * an argument instead of reaching into the container.
 */
@injectable()
export class RapiServices {
  constructor(
    @inject(ConfigStore) readonly config: ConfigStore,
    @inject(JobQueue) readonly jobs: JobQueue,
    @inject(OpcodeRegistry) readonly opcodes: OpcodeRegistry,
    /** The node-runner seam, for live node figures (memory, CPUs, disk) in listings. */
    @inject(NodeRunner) readonly runner: NodeRunner,
  ) {}

  /** Encoded rows of the instance bulk listing, kept between requests. */
  readonly instanceBulkCache = new InstanceBulkCache();
}
