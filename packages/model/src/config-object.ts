/**
 * Fields every configuration object carries, maintained by the store on each
 * change: a stable uuid, a serial number bumped per change, and the creation
 * and modification times in epoch seconds (floats, as Ganeti reports them).
 */
export interface ConfigObject {
  readonly uuid: string;
  readonly serial_no: number;
  readonly ctime: number;
  readonly mtime: number;
  readonly tags: readonly string[];
}
