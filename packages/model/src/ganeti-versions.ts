/**
 * The Ganeti release Corral presents itself as, and the protocol numbers that
 * go with it. Clients compare these, so they are Ganeti's, not Corral's own.
 */
export const GANETI_COMPAT_VERSION = '3.0.2';
export const PROTOCOL_VERSION = 3000000;
export const CONFIG_VERSION = 3000000;
export const OS_API_VERSION = 20;
export const EXPORT_VERSION = 0;
/** Corral's own version, reported where Ganeti reports its VCS version. */
export const CORRAL_VERSION = '0.1.0';
