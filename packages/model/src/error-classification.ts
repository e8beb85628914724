/**
 * Ganeti's error classifications (ECODE_*). Every domain error carries one, so
 * that clients and the HTTP edge can tell bad input from bad state.
 */
export const errorClassifications = [
  'resolver_error',
  'insufficient_resources',
  'temp_insufficient_resources',
  'wrong_input',
  'wrong_state',
  'unknown_entity',
  'already_exists',
  'resource_not_unique',
  'internal_error',
  'environment_error',
] as const;

export type ErrorClassification = (typeof errorClassifications)[number];
