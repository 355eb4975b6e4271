import { describe, expect, it } from 'vitest';
import { duration, percent, usd } from './format.js';
import { formatTable } from './table.js';

describe('metric formats', () => {
  it('prints rates, durations and money for people', () => {
    expect([percent(0.75), percent(1 / 3), percent(0.125), percent(0), percent(null)]).toEqual(['75%', '33.3%', '12.5%', '0%', '–']);
    expect([duration(340), duration(45_000), duration(340_000), duration(4_600_000), duration(3 * 86_400_000 + 3_600_000), duration(null)]).toEqual([
      '340ms', '45s', '5m 40s', '1h 16m', '3d 1h', '–',
    ]);
    expect(usd(0.35)).toBe('$0.35');
  });

  it('aligns table columns', () => {
    expect(formatTable(['fixer', 'n'], [['llm', '3'], ['did-you-mean', '10']], ['l', 'r'])).toBe('fixer          n\nllm            3\ndid-you-mean  10\n');
  });
});
