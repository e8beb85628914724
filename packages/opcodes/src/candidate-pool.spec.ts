import type { Node } from '@corral/model';
import { candidateStats, promoteCandidates } from './candidate-pool';

const node = (name: string, flags: Partial<Node> = {}): Node =>
  ({ uuid: `${name}-uuid`, name, master_candidate: false, offline: false, drained: false, master_capable: true, ...flags }) as Node;

describe('candidateStats', () => {
  describe('when some nodes cannot be candidates', () => {
    it('counts candidates, and wants as many as eligible nodes up to the pool size', () => {
      const nodes = [node('a', { master_candidate: true }), node('b'), node('c', { drained: true }), node('d', { master_capable: false })];
      expect(candidateStats(nodes, 10)).toEqual({ now: 1, should: 2, max: 2 });
      expect(candidateStats(nodes, 1)).toEqual({ now: 1, should: 1, max: 2 });
    });
  });

  describe('when a node is excepted', () => {
    it('leaves it out of every count', () => {
      const nodes = [node('a', { master_candidate: true }), node('b', { master_candidate: true })];
      expect(candidateStats(nodes, 10, ['b-uuid'])).toEqual({ now: 1, should: 1, max: 1 });
    });
  });
});

describe('promoteCandidates', () => {
  describe('when the pool wants more candidates', () => {
    it('promotes eligible nodes in name order, no more than needed', () => {
      const nodes = [node('m', { master_candidate: true }), node('z'), node('b'), node('c', { offline: true })];
      expect(promoteCandidates(nodes, 2).map((n) => [n.name, n.master_candidate])).toEqual([['b', true]]);
    });
  });

  describe('when the pool is full', () => {
    it('promotes nobody', () => {
      expect(promoteCandidates([node('m', { master_candidate: true }), node('b')], 1)).toEqual([]);
    });
  });
});
