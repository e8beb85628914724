import type { RecordedSample } from './recorded-samples';
import type { TargetServer } from './target-server';

/** Real Ganeti as recorded: answers each request with its recorded sample, by name. */
export function samplesTarget(samples: readonly RecordedSample[]): TargetServer {
  const byName = new Map(samples.map((s) => [s.request.name, s.response]));
  return {
    label: 'ganeti-3.0.2 (recorded samples)',
    run: async (requests) =>
      requests.map((req) => {
        const response = byName.get(req.name);
        if (!response) throw new Error(`No recorded sample named ${req.name} (a request script of your own needs --against live)`);
        return response;
      }),
    close: async () => undefined,
  };
}
