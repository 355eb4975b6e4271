import { z } from 'zod';

/** Schema version written in every event's `v` field. Bump only with a migration path for readers. */
export const EVENT_SCHEMA_VERSION = 1 as const;

/** Stacks are capped so one pathological failure cannot blow up reports, prompts or the store. */
export const STACK_MAX_CHARS = 4000;

/** Messages are capped for the same reason; the cap is generous because the message is the signal. */
export const MESSAGE_MAX_CHARS = 16_000;

export const eventKinds = ['test', 'build', 'typecheck', 'lint', 'runtime'] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventStatuses = ['failed', 'errored', 'flaky'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** Evidence that a failure is flaky: it failed, then passed on re-run (by suture or by the framework). */
export const flakyEvidenceSchema = z.object({
  /** Who re-ran it: suture's own re-runs, or the framework (Surefire rerun elements, pytest-rerunfailures). */
  source: z.enum(['suture-rerun', 'framework-rerun']),
  runs: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  passes: z.number().int().nonnegative(),
  /** Messages of the failing runs, in order, capped like `message`. */
  messages: z.array(z.string()).optional(),
});
export type FlakyEvidence = z.infer<typeof flakyEvidenceSchema>;

/**
 * The canonical failure event, schema v1 (DESIGN.md). One object per NDJSON line.
 * Unknown keys are rejected so a typo in a producer is caught at the boundary.
 */
export const failureEventSchema = z
  .object({
    v: z.literal(EVENT_SCHEMA_VERSION),
    kind: z.enum(eventKinds),
    run_id: z.string().min(1),
    ts: z.iso.datetime({ offset: false }).describe('ISO-8601 UTC timestamp'),
    framework: z.string().min(1).describe('The producer: vitest, jest, pytest, junit, tsc, eslint, ...'),
    test_id: z.string().min(1).describe('Stable across runs: the same test or diagnostic gets the same id'),
    message: z.string().max(MESSAGE_MAX_CHARS),
    status: z.enum(eventStatuses),

    suite: z.string().optional(),
    name: z.string().optional(),
    file: z.string().optional().describe('Repository-relative, forward slashes'),
    line: z.number().int().positive().optional(),
    column: z.number().int().positive().optional(),
    error_class: z.string().optional(),
    /** A tool's own code for the diagnostic: TS2339, E404, no-unused-vars, E0425. */
    error_code: z.string().optional(),
    stack: z.string().max(STACK_MAX_CHARS).optional(),
    duration_ms: z.number().nonnegative().optional(),
    repro_cmd: z.string().optional().describe('A command that re-runs exactly this test'),
    commit: z.string().optional(),
    branch: z.string().optional(),
    /** Workspace package (monorepos), repository-relative; absent for the root package. */
    package: z.string().optional(),
    suggestion: z.string().optional().describe("A compiler's or runtime's own 'did you mean'"),
    flaky: flakyEvidenceSchema.optional(),

    // Set by triage.
    stage: z.string().optional(),
    category: z.string().optional(),
    confidence: z.number().min(0).max(1).optional(),
    fingerprint: z.string().optional(),
  })
  .strict();

export type FailureEvent = z.infer<typeof failureEventSchema>;
