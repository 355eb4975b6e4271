import { describe, expect, it } from 'vitest';
import type { FailureEvent } from '../events/index.js';
import { Classifier } from './classify.js';
import { buildClusters, type Annotated } from './cluster.js';
import { fingerprint } from './fingerprint.js';

const classifier = new Classifier(null);
let n = 0;
function item(over: Partial<FailureEvent>): Annotated {
  const event: FailureEvent = { v: 1, kind: 'test', run_id: 'r1', ts: `2024-05-01T10:00:${String(n++ % 60).padStart(2, '0')}Z`, framework: 'jest', test_id: `t${n}`, message: 'AssertionError: expected 1 to equal 2', status: 'failed', ...over };
  return { event, classification: classifier.classify(event), fingerprint: fingerprint(event) };
}
const opts = { infrastructureRatio: 0.5, infrastructureMinFailures: 5 };

describe('buildClusters', () => {
  it('makes one cluster per fingerprint with first/last seen, count, tests and a representative', () => {
    const stack = 'at total (/w/src/cart.js:3:5)\n    at Object.<anonymous> (/w/src/cart.test.js:9:1)';
    const a = item({ test_id: 'a', ts: '2024-05-01T10:00:00Z', message: "TypeError: Cannot read properties of undefined (reading 'price')", stack });
    const b = item({ test_id: 'b', ts: '2024-05-01T10:05:00Z', message: "TypeError: Cannot read properties of undefined (reading 'price')", stack });
    const c = item({ kind: 'typecheck', framework: 'tsc', test_id: 'tsc1', file: 'src/x.ts', error_code: 'TS2304', message: "Cannot find name 'y'." });
    const clusters = buildClusters([a, b, c], opts);
    expect(clusters).toHaveLength(2);
    const cart = clusters.find((k) => k.count === 2)!;
    expect(cart).toMatchObject({ category: 'runtime-error', stage: 'test', testIds: ['a', 'b'], firstSeen: '2024-05-01T10:00:00Z', lastSeen: '2024-05-01T10:05:00Z', flaky: false });
    expect(cart.representative.stack).toBe(stack);
    // A compile error blocks the tests: it is healed first.
    expect(clusters[0]!.stage).toBe('compile');
    expect(clusters.map((k) => k.priority)).toEqual([1, 2]);
  });

  it('folds a run where most tests fail at once into one infrastructure cluster', () => {
    const items = Array.from({ length: 40 }, (_, i) => item({ test_id: `suite::t${i}`, message: 'Error: connect ECONNREFUSED 127.0.0.1:5432', stack: `at Object.<anonymous> (/w/test/t${i}.test.js:3:1)` }));
    const lint = item({ kind: 'lint', framework: 'eslint', test_id: 'l1', file: 'src/a.js', error_code: 'no-unused-vars', message: "'x' is defined but never used" });
    const clusters = buildClusters([...items, lint], { ...opts, totalTests: 50 });
    expect(clusters).toHaveLength(2);
    expect(clusters[0]).toMatchObject({ infrastructure: true, stage: 'setup', category: 'network-timeout', count: 40, priority: 1 });
    expect(clusters[0]!.fingerprint).toMatch(/^fp1:infra:/);
    expect(clusters[0]!.risk).toBeGreaterThanOrEqual(0.9);
    // Same cause in another run, with another count: the same infrastructure fingerprint.
    const again = buildClusters(items.slice(0, 30), { ...opts, totalTests: 45 });
    expect(again[0]!.fingerprint).toBe(clusters[0]!.fingerprint);
  });

  it('does not call a few failures in a big suite infrastructure', () => {
    const items = Array.from({ length: 6 }, (_, i) => item({ test_id: `x${i}`, message: 'Error: connect ECONNREFUSED 127.0.0.1:5432' }));
    expect(buildClusters(items, { ...opts, totalTests: 500 }).some((k) => k.infrastructure)).toBe(false);
  });

  it('marks a cluster flaky only when every member is flaky, and heals it last', () => {
    const f1 = item({ test_id: 'f', status: 'flaky', message: 'timeout', stack: 'at x (/w/src/a.js:1:1)' });
    const real = item({ test_id: 'r', message: 'AssertionError: expected 1 to equal 2' });
    const clusters = buildClusters([f1, real], opts);
    expect(clusters[clusters.length - 1]).toMatchObject({ flaky: true });
    expect(clusters[0]!.flaky).toBe(false);
    expect(clusters[clusters.length - 1]!.risk).toBeLessThan(clusters[0]!.risk);
  });

  it('raises risk with recurrence from history', () => {
    const a = item({ test_id: 'h1', message: 'AssertionError: expected 1 to equal 2' });
    const without = buildClusters([a], opts)[0]!.risk;
    const withHistory = buildClusters([a], { ...opts, history: new Map([['h1', { failures: 9, flaky: 0, runs: 10 }]]) })[0]!.risk;
    expect(withHistory).toBeGreaterThan(without);
  });
});
