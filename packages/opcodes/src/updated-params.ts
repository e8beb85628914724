import type { ParamDict } from '@corral/model';

/** Ganeti's GetUpdatedParams: the own values with the changes laid over; `"default"` removes a key. */
export function updatedParams(own: ParamDict, changes: ParamDict): ParamDict {
  const result: ParamDict = { ...own };
  for (const [key, value] of Object.entries(changes)) {
    if (value === 'default') delete result[key];
    else result[key] = value;
  }
  return result;
}
