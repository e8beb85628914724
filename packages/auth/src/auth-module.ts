import { ContainerModule } from 'inversify';
import { Authenticator } from './authenticator';
import { UsersFileAuthenticator } from './users-file-authenticator';

/** Binds the {@link Authenticator} on the users file named in `ServerSettings`. */
export const authModule = new ContainerModule(({ bind }) => {
  bind(UsersFileAuthenticator).toSelf().inSingletonScope();
  bind<Authenticator>(Authenticator).toService(UsersFileAuthenticator);
});
