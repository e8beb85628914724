import { sharedFileStorageDir } from './shared-file-storage-dir';

describe('sharedFileStorageDir', () => {
  describe('when two local nodes live in one data directory', () => {
    it('gives both the data directory\'s shared-file-storage', () => {
      expect([sharedFileStorageDir('/var/lib/corral/nodes/node1'), sharedFileStorageDir('/var/lib/corral/nodes/node2/')]).toEqual([
        '/var/lib/corral/shared-file-storage',
        '/var/lib/corral/shared-file-storage',
      ]);
    });
  });
});
