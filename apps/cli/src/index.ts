export { runCli } from './run-cli';
export { resolveConnection, type ConnectionFlags } from './connection-settings';
export { commandTable } from './command-table';
export { ExitCode } from './cli-error';
