/**
 * Turns real tool output captured in a test into FailureEvents with suture's own parsers (the ingest
 * stage's report parsers and build-log extractors, the cargo runner's rustc parser), so fixer tests
 * start from exactly what the heal loop would hand them.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { toFailureEvent, type FailureEvent, type TestResult } from '../../../events/index.js';
import { extractBuildLog, parseReport } from '../../../ingest/index.js';
import { junitParser } from '../../../ingest/junit/parser.js';
import { parseRustcErrors } from '../../../runners/cargo/rustc-diagnostics.js';
import { lineDiagnostics } from '../../../runners/checks/line-diagnostics.js';
import { NODE_MODULES, run } from './temp-repo.js';

const STAMP = { run_id: 'run-fixers-test', ts: '2026-01-01T00:00:00.000Z' };

function events(results: Iterable<TestResult>): FailureEvent[] {
  const out: FailureEvent[] = [];
  for (const r of results) {
    const ev = toFailureEvent(r, STAMP);
    if (ev) out.push(ev);
  }
  return out;
}

async function collect(gen: AsyncIterable<TestResult>): Promise<TestResult[]> {
  const out: TestResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

/** A build/typecheck/lint tool's printed output, read by the ingest build-log extractors. */
export function buildLogEvents(text: string, repoRoot: string, tool: string): FailureEvent[] {
  return events(extractBuildLog(text, { repoRoot, tool }));
}

export function tscEvents(text: string, repoRoot: string): FailureEvent[] {
  return buildLogEvents(text, repoRoot, 'tsc');
}

/** `go test` text output (build failures included), read by the go-text parser. */
export async function goTestEvents(text: string, repoRoot: string): Promise<FailureEvent[]> {
  return events(await collect(parseReport(Readable.from([text]), { repoRoot, format: 'go-text', displayName: 'go test output' })));
}

/** `go build` / `go vet` output as the runners' go-build and go-vet checks read it. */
export function goBuildEvents(text: string, repoRoot: string, kind: 'build' | 'lint' = 'build'): FailureEvent[] {
  return events(lineDiagnostics(text, { root: repoRoot, pkgDir: '.' }, 'go', kind));
}

/** rustc's human diagnostics (cargo build/test stderr), read by the cargo runner's parser. */
export function cargoEvents(text: string, repoRoot: string): FailureEvent[] {
  return events(parseRustcErrors(text, { root: repoRoot, pkgDir: '.' }));
}

/** A JUnit XML report file (pytest --junitxml). */
export async function junitEvents(file: string, repoRoot: string): Promise<FailureEvent[]> {
  return events(await collect(junitParser.parse(createReadStream(file), { repoRoot, displayName: file })));
}

/** Runs vitest with its JSON reporter in `dir` and reads the report with suture's vitest parser. */
export async function vitestEvents(dir: string, ...args: string[]): Promise<{ code: number | null; events: FailureEvent[] }> {
  const report = path.join(dir, '..', `vitest-${Date.now()}.json`);
  const r = run(process.execPath, [path.join(NODE_MODULES, 'vitest', 'vitest.mjs'), 'run', '--reporter=json', `--outputFile=${report}`, ...args], dir);
  return { code: r.code, events: events(await collect(parseReport(createReadStream(report), { repoRoot: dir, format: 'vitest-json', displayName: report }))) };
}
