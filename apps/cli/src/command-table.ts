import type { Command } from './command';
import { clusterCommands } from './commands/cluster-commands';
import { groupCommands } from './commands/group-commands';
import { instanceCommands } from './commands/instance-commands';
import { jobCommands } from './commands/job-commands';
import { networkCommands } from './commands/network-commands';
import { nodeCommands } from './commands/node-commands';
import { tagCommands } from './commands/tag-commands';

/** Every `corral` command; adding one means adding it to a group file. */
export const commandTable: readonly Command[] = [
  ...clusterCommands,
  ...instanceCommands,
  ...nodeCommands,
  ...groupCommands,
  ...networkCommands,
  ...jobCommands,
  ...tagCommands,
];
