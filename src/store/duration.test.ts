import { describe, expect, it } from 'vitest';
import { isoBefore, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('reads minutes, hours, days and weeks', () => {
    expect(parseDuration('30m')).toBe(30 * 60_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('90d')).toBe(90 * 86_400_000);
    expect(parseDuration('2W')).toBe(14 * 86_400_000);
    expect(parseDuration('1.5d')).toBe(36 * 3_600_000);
  });

  it('refuses anything else with a usage error naming the flag', () => {
    expect(() => parseDuration('90', '--older-than')).toThrow("--older-than: '90' is not a duration");
    expect(() => parseDuration('3 months')).toThrow(expect.objectContaining({ code: 'E_BAD_DURATION', exitCode: 2 }));
  });

  it('turns a duration into the instant that long ago', () => {
    expect(isoBefore('1d', Date.parse('2026-03-02T00:00:00.000Z'))).toBe('2026-03-01T00:00:00.000Z');
  });
});
