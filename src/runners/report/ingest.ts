import type { EventKind, TestResult } from '../../events/index.js';
import * as ingest from '../../ingest/index.js';

/** Every test case of a report through the ingest facade (format detected from content unless given). */
export async function* parseReport(file: string, opts: { repoRoot: string; format?: string; package?: string }): AsyncGenerator<TestResult> {
  yield* ingest.parseReport(file, { ...opts, displayName: file });
}

/** Diagnostics in a build/typecheck/lint command's output through the ingest facade's extractors. */
export function extractBuildLog(text: string, opts: { repoRoot: string; tool?: string; kind?: EventKind; package?: string }): TestResult[] {
  const kind = opts.kind === 'build' || opts.kind === 'typecheck' || opts.kind === 'lint' ? opts.kind : undefined;
  return ingest.extractBuildLog(text, { repoRoot: opts.repoRoot, tool: opts.tool, kind, package: opts.package });
}
