import { percentile } from './percentile';

describe('percentile', () => {
  describe('when given sorted values', () => {
    it('takes the nearest rank', () => {
      const values = Array.from({ length: 100 }, (_, i) => i + 1);
      expect([percentile(values, 50), percentile(values, 90), percentile(values, 99)]).toEqual([50, 90, 99]);
    });
  });

  describe('when given nothing', () => {
    it('answers NaN', () => {
      expect(percentile([], 50)).toBeNaN();
    });
  });
});
