import { HttpError } from '@corral/http';
import { GanetiError } from '@corral/model';
import { ganetiErrorToHttp } from './ganeti-error-to-http';

describe('ganetiErrorToHttp', () => {
  describe('when the job queue is full', () => {
    it('is a 503 with Ganeti message', () => {
      expect(ganetiErrorToHttp(new GanetiError('JobQueueFull', 'Job queue is full, needs archiving'))).toEqual(new HttpError(503, 'Job queue is full, needs archiving'));
      expect((ganetiErrorToHttp(new GanetiError('JobQueueFull', 'Job queue is full, needs archiving')) as HttpError).status).toBe(503);
    });
  });

  describe('when an entity is unknown', () => {
    it('is a plain 404', () => {
      const mapped = ganetiErrorToHttp(GanetiError.prereq("Instance 'x' not known", 'unknown_entity')) as HttpError;
      expect([mapped.status, mapped.detail]).toEqual([404, undefined]);
    });
  });

  describe('when the input is wrong', () => {
    it("is a 400 with Python's text of the error", () => {
      const mapped = ganetiErrorToHttp(GanetiError.prereq('Opcode 0 has invalid priority 5, allowed are [-10, 0, 10]', 'wrong_input')) as HttpError;
      expect([mapped.status, mapped.detail]).toEqual([400, "('Opcode 0 has invalid priority 5, allowed are [-10, 0, 10]', 'wrong_input')"]);
    });
  });

  describe('when the error is of another kind', () => {
    it('is left for the transport', () => {
      const error = GanetiError.prereq('busy', 'wrong_state');
      expect(ganetiErrorToHttp(error)).toBe(error);
    });
  });
});
