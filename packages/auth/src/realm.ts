/**
 * The authentication realm of the Ganeti RAPI. It is part of every `{HA1}`
 * hash in a users file, so it can never change.
 */
export const GANETI_REALM = 'Ganeti Remote API';

/** The challenge sent with every 401, exactly as ganeti-rapi sends it. */
export const WWW_AUTHENTICATE = `Basic realm="${GANETI_REALM}"`;
