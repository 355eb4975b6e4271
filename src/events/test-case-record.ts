import { z } from 'zod';
import { EVENT_SCHEMA_VERSION, eventKinds } from './failure-event.js';
import type { EventStamp, TestResult } from './test-result.js';

/**
 * A test case that did not fail (passed or skipped), written by `suture ingest --all` beside the
 * failure events. Failure events stay exactly FailureEvent v1; these lines are told apart by
 * `record: "test_case"` (a key a v1 event never has), so a consumer that wants only failures skips
 * every line that has `record`.
 */
export const testCaseRecordSchema = z
  .object({
    record: z.literal('test_case'),
    v: z.literal(EVENT_SCHEMA_VERSION),
    kind: z.enum(eventKinds),
    run_id: z.string().min(1),
    ts: z.iso.datetime({ offset: false }),
    framework: z.string().min(1),
    test_id: z.string().min(1).describe('The same id the test gets in a failure event when it fails'),
    status: z.enum(['passed', 'skipped']),
    suite: z.string().optional(),
    name: z.string().optional(),
    file: z.string().optional(),
    line: z.number().int().positive().optional(),
    duration_ms: z.number().nonnegative().optional(),
    /** Why a test was skipped, when the report says. */
    message: z.string().optional(),
    commit: z.string().optional(),
    branch: z.string().optional(),
    package: z.string().optional(),
  })
  .strict();

export type TestCaseRecord = z.infer<typeof testCaseRecordSchema>;

/** The record for a passed or skipped result; undefined for anything else. */
export function toTestCaseRecord(r: TestResult, stamp: EventStamp): TestCaseRecord | undefined {
  if (r.status !== 'passed' && r.status !== 'skipped') return undefined;
  const rec: TestCaseRecord = { record: 'test_case', v: EVENT_SCHEMA_VERSION, kind: r.kind, run_id: stamp.run_id, ts: stamp.ts, framework: r.framework, test_id: r.test_id, status: r.status };
  const optional = { suite: r.suite, name: r.name, file: r.file, line: r.line, duration_ms: r.duration_ms, message: r.message?.slice(0, 2000), commit: stamp.commit, branch: stamp.branch, package: r.package };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined && v !== '') (rec as Record<string, unknown>)[k] = v;
  return rec;
}
