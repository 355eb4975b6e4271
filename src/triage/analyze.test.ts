import { describe, expect, it } from 'vitest';
import { analyzeHistory } from './analyze.js';

describe('analyzeHistory', () => {
  it('ranks categories, finds recurring root causes and flaky tests, and compares weeks', () => {
    const rows = [
      { run_id: 'r1', test_id: 'a', ts: '2024-05-01T10:00:00Z', status: 'failed', category: 'assertion-failure', fingerprint: 'fp1:a' },
      { run_id: 'r2', test_id: 'a', ts: '2024-05-09T10:00:00Z', status: 'failed', category: 'assertion-failure', fingerprint: 'fp1:a' },
      { run_id: 'r2', test_id: 'b', ts: '2024-05-09T10:00:01Z', status: 'flaky', category: 'flaky', fingerprint: 'fp1:b' },
      { run_id: 'r3', test_id: 'b', ts: '2024-05-12T10:00:00Z', status: 'flaky', category: 'flaky', fingerprint: 'fp1:b' },
      { run_id: 'r3', test_id: 'c', ts: '2024-05-12T10:00:01Z', status: 'failed', category: 'assertion-failure', fingerprint: 'fp1:c' },
    ];
    const t = analyzeHistory(rows);
    expect(t).toMatchObject({ events: 5, runs: 3, tests: 3, flakyShare: 0.4 });
    expect(t.topCategories[0]).toMatchObject({ category: 'assertion-failure', count: 3, runs: 3 });
    // last 7 days (from 05-12): 2 assertion failures; the 7 before: 1 → +100%
    expect(t.topCategories[0]!.change).toBe(1);
    expect(t.recurring.map((r) => r.fingerprint)).toEqual(['fp1:a', 'fp1:b']);
    expect(t.flakiestTests).toEqual([{ testId: 'b', flaky: 2, failures: 2 }]);
    expect(t.daily.map((d) => d.day)).toEqual(['2024-05-01', '2024-05-09', '2024-05-12']);
    expect(analyzeHistory(rows, { since: '2024-05-10T00:00:00Z' }).events).toBe(2);
  });
});
