import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandRecord, FailureEvent, RunOutcome, TestResult } from '../../events/index.js';
import { failureEventSchema, toFailureEvent } from '../../events/index.js';
import { redact } from '../../secrets/registry.js';

/** Test output can print secrets (a connection string in an error): events never carry them. */
function redactText(r: TestResult): TestResult {
  if (r.status === 'passed' || r.status === 'skipped') return r;
  const out = { ...r };
  if (out.message) out.message = redact(out.message);
  if (out.stack) out.stack = redact(out.stack);
  if (out.suggestion) out.suggestion = redact(out.suggestion);
  return out;
}

/** Positions must be positive (pytest's xunit1 counts lines from 0 for module-level tests). */
function sanitize(r: TestResult): TestResult {
  const out = { ...r };
  if (out.line !== undefined && !(Number.isInteger(out.line) && out.line > 0)) delete out.line;
  if (out.column !== undefined && !(Number.isInteger(out.column) && out.column > 0)) delete out.column;
  if (out.duration_ms !== undefined && !(out.duration_ms >= 0)) delete out.duration_ms;
  return out;
}

/** The canonical event for a failing result, validated; an optional field the schema refuses is dropped, not the event. */
export function toValidEvent(r: TestResult, stamp: { run_id: string; ts: string; commit?: string; branch?: string }): FailureEvent | undefined {
  let ev = toFailureEvent(sanitize(r), stamp);
  for (let i = 0; ev && i < 5; i++) {
    const parsed = failureEventSchema.safeParse(ev);
    if (parsed.success) return parsed.data;
    const key = parsed.error.issues[0]?.path[0];
    if (typeof key !== 'string' || ['v', 'kind', 'run_id', 'ts', 'framework', 'test_id', 'message', 'status'].includes(key)) return ev;
    const copy: Record<string, unknown> = { ...ev };
    delete copy[key];
    ev = copy as FailureEvent;
  }
  return ev;
}

export function buildOutcome(
  runId: string,
  startedAt: string,
  results: TestResult[],
  commands: CommandRecord[],
  stamp: { commit?: string; branch?: string } = {},
): RunOutcome {
  const finishedAt = new Date().toISOString();
  const events: FailureEvent[] = [];
  const totals = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0, flaky: 0 };
  const seen = new Set<string>();
  // The same diagnostic reported by two commands (go vet, then go test's own vet pass) is one problem.
  const unique = results.filter((r) => r.kind === 'test' || (!seen.has(r.test_id) && Boolean(seen.add(r.test_id))));
  for (const r of unique) {
    totals.tests++;
    totals[r.status]++;
    const ev = toValidEvent(redactText(r), { run_id: runId, ts: finishedAt, ...stamp });
    if (ev) events.push(ev);
  }
  return { runId, startedAt, finishedAt, results: unique, events, commands, totals };
}

/** Writes a file so a reader never sees half of it: a temporary sibling, then rename. */
export function writeAtomic(file: string, data: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** `<outDir>/events.ndjson` (one event per line) and `<outDir>/run.json` (commands, totals; no results). */
export function writeOutcome(outcome: RunOutcome, outDir: string): { eventsPath: string; runPath: string } {
  const eventsPath = path.join(outDir, 'events.ndjson');
  const runPath = path.join(outDir, 'run.json');
  writeAtomic(eventsPath, outcome.events.map((e) => JSON.stringify(e)).join('\n') + (outcome.events.length ? '\n' : ''));
  const { results: _results, events: _events, ...summary } = outcome;
  writeAtomic(runPath, JSON.stringify({ ...summary, events: outcome.events.length }, null, 2) + '\n');
  return { eventsPath, runPath };
}
