import { describe, expect, it } from 'vitest';
import { fold, sparkline } from './sparkline.js';

describe('sparkline', () => {
  it('scales to the largest value and keeps zero distinct from small', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe('▁▂▃▅█');
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    expect(sparkline([])).toBe('');
  });

  it('folds long series into the width, most recent days in the last column', () => {
    expect(fold([1, 1, 1, 1, 1, 1, 1], 3)).toEqual([1, 3, 3]);
    expect(sparkline(Array(90).fill(1), 30)).toHaveLength(30);
  });
});
