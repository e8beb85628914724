import { osScriptsModule } from './os-scripts-module';

export { ScriptOperatingSystem } from './script-operating-system';
export { ScriptOsSource } from './script-os-source';
export { NoopOperatingSystem, BuiltinOsSource, NOOP_OS } from './noop-operating-system';
export { readOsDefinition, InvalidOsDefinition, SUPPORTED_OS_API_VERSIONS } from './read-os-definition';
export { osEnvironment, osCoreEnvironment, osApiVersion, splitOsName, type OsEnvironment } from './os-environment';
export { osSearchPath, GANETI_OS_SEARCH_PATH } from './os-search-path';
export { osScriptsModule };
export default osScriptsModule;
