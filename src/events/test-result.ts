import type { EventKind, FailureEvent, FlakyEvidence } from './failure-event.js';
import { EVENT_SCHEMA_VERSION, MESSAGE_MAX_CHARS, STACK_MAX_CHARS } from './failure-event.js';

/** Every outcome a parser can see, including passes: verification needs totals, not only failures. */
export type TestStatus = 'passed' | 'failed' | 'errored' | 'skipped' | 'flaky';

/**
 * One test case (or one diagnostic of a build/lint/typecheck tool) as a parser or runner saw it.
 * Failure events are derived from the non-passing ones with `toFailureEvent`.
 */
export interface TestResult {
  kind: EventKind;
  framework: string;
  test_id: string;
  status: TestStatus;
  suite?: string;
  name?: string;
  file?: string;
  line?: number;
  column?: number;
  error_class?: string;
  error_code?: string;
  message?: string;
  stack?: string;
  duration_ms?: number;
  repro_cmd?: string;
  package?: string;
  suggestion?: string;
  flaky?: FlakyEvidence;
}

/** Totals a report states about itself (testsuite attributes, summary lines), for cross-checks. */
export interface StatedTotals {
  tests?: number;
  failures?: number;
  errors?: number;
  skipped?: number;
}

export interface EventStamp {
  run_id: string;
  ts: string;
  commit?: string;
  branch?: string;
}

export function isFailure(r: TestResult): boolean {
  return r.status === 'failed' || r.status === 'errored' || r.status === 'flaky';
}

export function capStack(stack: string | undefined): string | undefined {
  if (stack === undefined) return undefined;
  return stack.length <= STACK_MAX_CHARS ? stack : stack.slice(0, STACK_MAX_CHARS - 1) + '…';
}

export function capMessage(message: string): string {
  return message.length <= MESSAGE_MAX_CHARS ? message : message.slice(0, MESSAGE_MAX_CHARS - 1) + '…';
}

/** Builds the canonical event for a non-passing result; returns undefined for passed/skipped. */
export function toFailureEvent(r: TestResult, stamp: EventStamp): FailureEvent | undefined {
  if (!isFailure(r)) return undefined;
  const ev: FailureEvent = {
    v: EVENT_SCHEMA_VERSION,
    kind: r.kind,
    run_id: stamp.run_id,
    ts: stamp.ts,
    framework: r.framework,
    test_id: r.test_id,
    message: capMessage(r.message ?? ''),
    status: r.status as FailureEvent['status'],
  };
  const optional = {
    suite: r.suite,
    name: r.name,
    file: r.file,
    line: r.line,
    column: r.column,
    error_class: r.error_class,
    error_code: r.error_code,
    stack: capStack(r.stack),
    duration_ms: r.duration_ms,
    repro_cmd: r.repro_cmd,
    commit: stamp.commit,
    branch: stamp.branch,
    package: r.package,
    suggestion: r.suggestion,
    flaky: r.flaky,
  };
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined && v !== '') (ev as Record<string, unknown>)[k] = v;
  }
  return ev;
}
