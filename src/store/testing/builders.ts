import type { AttemptRecord, Cluster, FailureEvent } from '../../events/index.js';

/** Small builders for the store tests: valid canonical objects with just the fields a test cares about. */
export function event(over: Partial<FailureEvent> & Pick<FailureEvent, 'run_id' | 'test_id'>): FailureEvent {
  return {
    v: 1,
    kind: 'test',
    ts: '2026-03-01T10:00:00.000Z',
    framework: 'vitest',
    message: `expected 1 to be 2 (${over.test_id})`,
    status: 'failed',
    ...over,
  };
}

export function cluster(over: Partial<Cluster> & Pick<Cluster, 'fingerprint' | 'testIds'> & { runId: string }): Cluster {
  const { runId, ...rest } = over;
  return {
    stage: 'test',
    category: 'assertion',
    confidence: 0.9,
    rootCause: 'wrong constant',
    suggestedFix: 'fix the constant',
    count: over.testIds.length,
    firstSeen: '2026-03-01T10:00:00.000Z',
    lastSeen: '2026-03-01T10:00:00.000Z',
    representative: event({ run_id: runId, test_id: over.testIds[0]! }),
    flaky: false,
    risk: 0.2,
    priority: 1,
    ...rest,
  };
}

export function attempt(over: Partial<AttemptRecord> & Pick<AttemptRecord, 'fingerprint'>): AttemptRecord {
  return {
    attempt: 1,
    fixer: 'ts-codefix',
    outcome: 'healed',
    reason: 'tests pass',
    durationMs: 1200,
    testsRun: 10,
    startedAt: '2026-03-01T10:01:00.000Z',
    ...over,
  };
}
