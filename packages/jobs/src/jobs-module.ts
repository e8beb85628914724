import { ContainerModule } from 'inversify';
import { JobQueue } from './job-queue';

/** Binds the job queue (one per process); the composition root starts and stops it with the server. */
export const jobsModule = new ContainerModule(({ bind }) => {
  bind<JobQueue>(JobQueue).toSelf().inSingletonScope();
});
