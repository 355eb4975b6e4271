import type { FailureEvent } from './failure-event.js';
import type { TestResult } from './test-result.js';

/** One command suture executed (a test suite, a check, a targeted re-run). */
export interface CommandRecord {
  /** Package dir, repository-relative. */
  package: string;
  /** Runner id or check id. */
  id: string;
  command: string;
  exitCode: number | null;
  signal?: string;
  timedOut: boolean;
  durationMs: number;
  /** Path of the captured stdout+stderr log. */
  logPath?: string;
  /** Paths of the machine-readable reports it wrote. */
  reportPaths: string[];
}

/** The result of running a plan (fully or a targeted subset): what the heal loop verifies against. */
export interface RunOutcome {
  runId: string;
  startedAt: string;
  finishedAt: string;
  /** Every test and diagnostic seen, including passes and skips. */
  results: TestResult[];
  /** The non-passing results as canonical events (flaky ones carry their evidence). */
  events: FailureEvent[];
  commands: CommandRecord[];
  totals: { tests: number; passed: number; failed: number; errored: number; skipped: number; flaky: number };
}
