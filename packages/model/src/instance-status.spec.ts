import { instanceStatus } from './instance-status';

const ok = { primaryOffline: false, primaryDown: false, running: false };

describe('instanceStatus', () => {
  describe.each([
    ['up', 'admin', { ...ok, running: true }, 'running'],
    ['down', 'admin', { ...ok, running: true }, 'ERROR_up'],
    ['up', 'admin', ok, 'ERROR_down'],
    ['down', 'admin', ok, 'ADMIN_down'],
    ['down', 'user', ok, 'USER_down'],
    ['offline', 'admin', ok, 'ADMIN_offline'],
    ['up', 'admin', { ...ok, primaryOffline: true }, 'ERROR_nodeoffline'],
    ['up', 'admin', { ...ok, primaryDown: true }, 'ERROR_nodedown'],
    ['up', 'admin', { ...ok, running: true, onWrongNode: true }, 'ERROR_wrongnode'],
  ] as const)('when admin_state is %s (source %s) and the observation is %j', (admin_state, admin_state_source, seen, expected) => {
    it(`is ${expected}`, () => {
      expect(instanceStatus({ admin_state, admin_state_source }, seen)).toBe(expected);
    });
  });
});
