import type { ConfigObject } from './config-object';

/** The store-maintained fields of an object created now: serial 1, no tags (the start of every create* builder). */
export function newConfigObject(uuid: string, now: number): ConfigObject {
  return { uuid, serial_no: 1, ctime: now, mtime: now, tags: [] };
}
