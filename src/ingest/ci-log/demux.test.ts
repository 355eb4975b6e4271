import { describe, expect, it } from 'vitest';
import { demultiplex } from './demux.js';

describe('demultiplex', () => {
  it('splits turbo-style interleaved tasks into ordered streams with original indices', () => {
    const lines = ['api:test: FAIL src/a.test.js', 'web:lint: > eslint src', 'api:test:   ● a › b', 'web:lint: ✔ no problems', 'api:test:     expect(1).toBe(2)', 'api:test: Tests: 1 failed'];
    const streams = demultiplex(lines);
    const api = streams.find((s) => s.lines[0] === 'FAIL src/a.test.js')!;
    expect(api.lines).toEqual(['FAIL src/a.test.js', '  ● a › b', '    expect(1).toBe(2)', 'Tests: 1 failed']);
    expect(api.index).toEqual([0, 2, 4, 5]);
  });

  it('does not mistake compiler locations or log levels for task prefixes', () => {
    const go = ['# example.com/x', 'cmd/a.go:4:9: undefined: y', 'cmd/a.go:5:9: undefined: z', 'cmd/b.go:1:1: syntax error'];
    expect(demultiplex(go)).toHaveLength(1);
    const mvn = ['[ERROR] Failed to execute goal x', '[ERROR] more', '[ERROR] and more', '[INFO] done'];
    expect(demultiplex(mvn)[0]!.lines).toEqual(mvn);
  });
});
