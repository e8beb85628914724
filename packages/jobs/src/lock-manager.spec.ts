import { LockManager } from './lock-manager';

const node = (name: string, mode: 'shared' | 'exclusive') => ({ level: 'node' as const, name, mode });

describe('LockManager', () => {
  describe('when two owners want the same lock exclusively', () => {
    it('grants the second only after the first released', async () => {
      const locks = new LockManager();
      const order: string[] = [];
      await locks.acquire(1, [node('n1', 'exclusive')], 0);
      const second = locks.acquire(2, [node('n1', 'exclusive')], 0).then(() => order.push('second'));
      await Promise.resolve();
      order.push('release');
      locks.release(1);
      await second;
      expect(order).toEqual(['release', 'second']);
    });
  });

  describe('when owners want shared locks or different objects', () => {
    it('grants them at once', async () => {
      const locks = new LockManager();
      await locks.acquire(1, [node('n1', 'shared')], 0);
      await locks.acquire(2, [node('n1', 'shared')], 0);
      await locks.acquire(3, [node('n2', 'exclusive')], 0);
      expect(locks.snapshot()).toEqual({ 'node/n1': 'shared', 'node/n2': 'exclusive' });
    });
  });

  describe('when a shared request arrives behind a blocked exclusive one', () => {
    it('does not jump it', async () => {
      const locks = new LockManager();
      await locks.acquire(1, [node('n1', 'shared')], 0);
      const granted: number[] = [];
      const exclusive = locks.acquire(2, [node('n1', 'exclusive')], 0).then(() => granted.push(2));
      const shared = locks.acquire(3, [node('n1', 'shared')], 0).then(() => granted.push(3));
      await Promise.resolve();
      expect(granted).toEqual([]);
      locks.release(1);
      await exclusive;
      locks.release(2);
      await shared;
      expect(granted).toEqual([2, 3]);
    });
  });

  describe('when the wait is aborted', () => {
    it('rejects with the reason and leaves the queue', async () => {
      const locks = new LockManager();
      await locks.acquire(1, [node('n1', 'exclusive')], 0);
      const abort = new AbortController();
      const waiting = locks.acquire(2, [node('n1', 'exclusive')], 0, abort.signal);
      abort.abort(new Error('cancelled'));
      await expect(waiting).rejects.toThrow('cancelled');
      locks.release(1);
      expect(locks.snapshot()).toEqual({});
    });
  });
});
