import { inject, injectable } from 'inversify';
import { Logger, ServerSettings } from '@corral/contracts';
import { decideAccess, type AccessOutcome, type AccessQuery } from './access-decision';
import type { Authenticator } from './authenticator';
import { UsersFileWatcher } from './users-file-watcher';

/** The {@link Authenticator} backed by the live users file of the server settings. */
@injectable()
export class UsersFileAuthenticator implements Authenticator {
  private readonly watcher: UsersFileWatcher;

  constructor(@inject(ServerSettings) settings: ServerSettings, @inject(Logger) logger: Logger) {
    this.watcher = new UsersFileWatcher(settings.usersFile, logger);
  }

  authorise(query: AccessQuery): AccessOutcome {
    return decideAccess(this.watcher.table(), query);
  }

  start(): void {
    this.watcher.start();
  }

  stop(): void {
    this.watcher.stop();
  }
}
