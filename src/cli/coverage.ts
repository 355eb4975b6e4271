import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { ExitCode, InputError, UsageError } from '../errors.js';
import { filesUnder } from '../guard/coverage/below.js';
import { COMMON_REPORTS, loadCoverage } from '../guard/coverage/load.js';
import type { CoverageReport } from '../guard/coverage/types.js';
import type { RegisterCommand } from './types.js';

interface CoverageFlags {
  threshold?: string;
  json?: boolean;
  report?: string[];
  root: string;
}

/** Reports named on the command line, else in suture.yml, else the first common path that exists. */
function reportPaths(root: string, flags: CoverageFlags, configured: string[]): string[] {
  if (flags.report && flags.report.length > 0) return flags.report;
  if (configured.length > 0) return configured;
  const found = COMMON_REPORTS.filter((p) => existsSync(path.join(root, p)));
  if (found.length === 0) {
    throw new InputError(`no coverage report found in ${root}`, {
      code: 'E_COVERAGE_NONE',
      hint: `Run the tests with coverage, pass --report FILE, or set guard.coverage.reports (looked for ${COMMON_REPORTS.join(', ')}).`,
    });
  }
  return found.slice(0, 1);
}

export const registerCoverage: RegisterCommand = (program, setExitCode) => {
  program
    .command('coverage')
    .description('list files under a line-coverage threshold (exit 1 when any are), for the test-improvement loop')
    .argument('[files...]', 'only these files (repo-relative)')
    .option('--threshold <pct>', 'percentage (default guard.coverage.threshold, 80)')
    .option('--report <file>', 'coverage report (repeatable): lcov, Cobertura XML, Istanbul JSON, coverage.py JSON, Go coverprofile', (v: string, prev: string[] = []) => [...prev, v])
    .option('--json', 'print as JSON')
    .option('--root <dir>', 'repository root', '.')
    .action(async (files: string[], flags: CoverageFlags) => {
      const root = path.resolve(flags.root);
      const config = await loadConfig(root);
      const threshold = flags.threshold === undefined ? config.guard.coverage.threshold : Number(flags.threshold);
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
        throw new UsageError(`--threshold must be a percentage from 0 to 100, got '${flags.threshold}'`, { code: 'E_COVERAGE_FLAGS' });
      }
      const paths = reportPaths(root, flags, config.guard.coverage.reports);
      const reports: Array<{ path: string; report: CoverageReport }> = [];
      for (const p of paths) reports.push({ path: p, report: await loadCoverage(p, root) });
      // One merged view: the first report that covers a file wins.
      const merged: CoverageReport = { format: reports[0]!.report.format, files: new Map() };
      for (const { report } of reports) for (const [k, v] of report.files) if (!merged.files.has(k)) merged.files.set(k, v);
      const rel = files.map((f) => path.relative(root, path.resolve(f)).replace(/\\/g, '/'));
      const under = filesUnder(merged, threshold, rel);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ threshold, reports: reports.map((r) => ({ path: r.path, format: r.report.format })), files: under }, null, 2)}\n`);
      } else {
        const total = rel.length > 0 ? rel.length : merged.files.size;
        process.stdout.write(`${under.length} of ${total} file(s) under ${threshold}% line coverage (${paths.join(', ')})\n`);
        for (const u of under) process.stdout.write(`${u.pct.toFixed(1).padStart(6)}%  ${`${u.hit}/${u.found}`.padStart(9)}  ${u.path}\n`);
      }
      setExitCode(under.length > 0 ? ExitCode.FAILURES : ExitCode.OK);
    });
};
