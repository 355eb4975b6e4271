import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunOutcome, TestPlan } from '../../events/index.js';

const MARKER = '.suture-raw';

/**
 * Makes `<out>/raw` ready for this run's logs and reports. Only a directory suture created itself
 * (it holds the marker file) is emptied first, so a mistaken --out never deletes a user's files.
 */
export function prepareOutDir(outDir: string): string {
  const raw = path.join(outDir, 'raw');
  if (existsSync(raw) && existsSync(path.join(raw, MARKER))) rmSync(raw, { recursive: true, force: true });
  else if (existsSync(raw) && readdirSync(raw).length > 0) {
    const dated = path.join(outDir, `raw-${Date.now()}`);
    mkdirSync(dated, { recursive: true });
    writeFileSync(path.join(dated, MARKER), '');
    return dated;
  }
  mkdirSync(raw, { recursive: true });
  writeFileSync(path.join(raw, MARKER), '');
  return raw;
}

/** Exit code 4's reason: the tool of every test suite is missing (nothing could be tested at all). */
export function environmentProblem(plan: TestPlan, outcome: RunOutcome): string | undefined {
  const suites = plan.packages.flatMap((p) => p.suites.map((s) => ({ pkg: p.dir, runner: s.runner })));
  if (suites.length === 0) return undefined;
  const missing = outcome.results.filter((r) => r.error_class === 'ToolNotFound' && r.test_id.endsWith(':tool-missing'));
  const allMissing = suites.every((s) => missing.some((m) => m.framework === s.runner && (m.package ?? '.') === s.pkg));
  return allMissing ? `no test suite could run: ${[...new Set(missing.map((m) => (m.message ?? '').split(':')[0]))].join('; ')}` : undefined;
}
