export { startServer, type RunningServer } from './start-server';
export { resolveSettings } from './resolve-settings';
export { parseCliOptions, USAGE, CliUsageError, type CliOptions } from './cli-options';
export { createContainer } from './create-container';
export { startTestServer, MemoryLogger, type TestServer } from './testing/start-test-server';
export { addLocalTestNode } from './testing/add-local-node';
export { seedInstance, type SeedInstanceOptions } from './testing/seed-instance';
export { parseInitOptions, runInitCommand } from './init-command';
