export { ServerSettings } from './server-settings';
export { Logger } from './logger';
export { Clock } from './clock';
