/**
 * The one logging seam: packages log through it so an embedder can route
 * Corral's log lines into its own logging.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const Logger: unique symbol = Symbol.for('@corral/contracts/Logger');
