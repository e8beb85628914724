import type { CapturedResponse } from './captured-response';
import type { AuthMode, ScriptRequest } from './request-script';

/** A server the differential tool can send a script to. */
export interface TargetServer {
  readonly label: string;
  /** Sends requests that all share one authentication mode and returns one response per request. */
  run(requests: readonly ScriptRequest[], mode: AuthMode): Promise<CapturedResponse[]>;
  close(): Promise<void>;
}
