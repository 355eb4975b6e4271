import type { EventKind, TestResult } from '../../events/index.js';
import { extractBuildLog } from '../report/ingest.js';

/**
 * The failing diagnostics the build-log extractors find in a command's output (a test command that
 * failed before any test ran: a compile error, a missing module, a syntax error).
 */
export async function fallbackDiagnostics(
  text: string,
  where: { root: string; pkgDir: string },
  tool?: string,
  kind?: EventKind,
): Promise<TestResult[]> {
  if (text.trim() === '') return [];
  let found: TestResult[];
  try {
    found = extractBuildLog(text, { repoRoot: where.root, tool, kind, package: where.pkgDir === '.' ? undefined : where.pkgDir });
  } catch {
    // No extractor understood it: the caller falls back to the log excerpt.
    return [];
  }
  return found
    .filter((r) => r.status === 'failed' || r.status === 'errored')
    .map((r) => ({ ...r, package: where.pkgDir === '.' ? undefined : where.pkgDir }));
}
