import path from 'node:path';
import type { TestResult } from '../../events/index.js';
import type { ParseOptions } from '../types.js';
import type { DiagnosticIds } from '../results/ids.js';
import { testId } from '../results/ids.js';
import { locate, toRepoPath } from '../results/location.js';
import { goTarget, repro } from '../results/repro.js';
import { parseFrames } from '../frames.js';
import { repoRelative } from '../../events/paths.js';
import type { GoPackage, GoTest } from './model.js';
import { analyseOutput, buildDiagnostics } from './output.js';
import type { PackageDirs } from './package-dirs.js';

export interface GoConvertContext {
  opts: ParseOptions;
  dirs: PackageDirs;
  ids: DiagnosticIds;
  /** The report ended before the package did (no summary line, no package action). */
  truncated?: boolean;
}

/**
 * Turns one finished package into results: its compile errors, every test (subtests included, since a
 * Go subtest is a test case), and a package-level result when the package failed with no test to blame
 * (TestMain, an init panic).
 */
export function packageResults(pkg: GoPackage, ctx: GoConvertContext): TestResult[] {
  learnDirs(pkg, ctx);
  const out: TestResult[] = [];
  if (pkg.buildFailed || pkg.buildOutput.length) out.push(...buildResults(pkg, ctx));
  const tests = [...pkg.done, ...pkg.tests.values()];
  for (const t of tests) {
    if (t.status) continue;
    // No result event: go test -json drops them (a panic, a killed binary, test2json bugs).
    if (pkg.status === 'pass') t.status = 'pass';
  }
  for (const t of tests) {
    const r = testResult(pkg, t, tests, ctx);
    if (r) out.push(r);
  }
  const blamed = out.some((r) => r.status === 'failed' || r.status === 'errored');
  if (pkg.status === 'fail' && !blamed && !pkg.buildFailed) out.push(packageError(pkg, ctx));
  return out;
}

function learnDirs(pkg: GoPackage, ctx: GoConvertContext): void {
  const all = [...pkg.output, ...[...pkg.tests.values()].flatMap((t) => t.output)].join('\n');
  // Only absolute paths (panic frames) say where a file is; log lines print bare base names.
  for (const f of parseFrames(all)) {
    if (!f.file.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(f.file)) continue;
    ctx.dirs.learn(pkg.importPath, repoRelative(f.file, ctx.opts.repoRoot));
    if (ctx.dirs.dirOf(pkg.importPath) !== undefined) return;
  }
}

function testResult(pkg: GoPackage, t: GoTest, all: GoTest[], ctx: GoConvertContext): TestResult | undefined {
  const { opts, dirs } = ctx;
  const a = analyseOutput(t.output);
  const childFailures = all.filter((c) => c.name.startsWith(`${t.name}/`) && c.status === 'fail');
  let status: TestResult['status'];
  let message: string | undefined;
  if (!t.status) {
    // Unresolved in a failed (or cut-off) package: blame the innermost unfinished test only.
    const openChild = all.some((c) => c.name.startsWith(`${t.name}/`) && (!c.status || c.status === 'fail'));
    if (openChild) return undefined;
    status = 'errored';
    message = a.panic ?? (ctx.truncated ? 'the report ends before this test finished' : 'no result reported: the test binary exited before this test finished');
  } else status = t.status === 'pass' ? 'passed' : t.status === 'skip' ? 'skipped' : a.panic ? 'errored' : 'failed';
  const last = a.entries[a.entries.length - 1];
  const r: TestResult = {
    kind: 'test',
    framework: 'go',
    test_id: testId(pkg.importPath, [t.name]),
    status,
    suite: pkg.importPath,
    name: t.name,
    duration_ms: t.elapsedMs,
    package: opts.package,
  };
  if (status === 'failed' || status === 'errored' || status === 'skipped') {
    if (a.panic !== undefined) {
      r.error_class = 'panic';
      r.message = a.panic;
      const where = locate(a.text, opts);
      Object.assign(r, { file: where.file, line: where.line });
    } else {
      r.message = message ?? last?.text ?? (childFailures.length ? `subtests failed: ${childFailures.map((c) => c.name.slice(t.name.length + 1)).join(', ')}` : status === 'skipped' ? undefined : 'failed without a message (t.Fail)');
      const file = last ? dirs.fileIn(pkg.importPath, path.posix.basename(last.file)) : undefined;
      if (file) Object.assign(r, { file, line: last!.line });
    }
    if (a.text) r.stack = a.text;
  }
  if (status !== 'skipped') r.repro_cmd = repro.go(goTarget(dirs.dirOf(pkg.importPath), pkg.importPath), t.name);
  return r;
}

function buildResults(pkg: GoPackage, ctx: GoConvertContext): TestResult[] {
  const { opts, dirs, ids } = ctx;
  const diags = buildDiagnostics(pkg.buildOutput);
  const files = diags.map((d) => (d.path.startsWith('./') ? dirs.fileIn(pkg.importPath, d.path.slice(2)) : toRepoPath(d.path, opts)));
  files.forEach((f, i) => {
    if (!diags[i]!.path.startsWith('./')) dirs.learn(pkg.importPath, f);
  });
  const target = goTarget(dirs.dirOf(pkg.importPath), pkg.importPath);
  if (!diags.length) {
    const message = pkg.buildOutput.filter((l) => !l.startsWith('# ')).join('\n').trim() || 'build failed';
    return [{ kind: 'build', framework: 'go', test_id: `go:${pkg.importPath ?? ''}::(build)`, status: 'errored', suite: pkg.importPath, message, repro_cmd: repro.goPackage(target), package: opts.package }];
  }
  return diags.map((d, i) => {
    const file = files[i] ?? (d.path.startsWith('./') ? dirs.fileIn(pkg.importPath, d.path.slice(2)) : undefined);
    return {
      kind: 'build',
      framework: 'go',
      test_id: ids.next('go', file ?? `${pkg.importPath ?? ''}/${d.path.replace(/^\.\//, '')}`, undefined, d.message),
      status: 'errored',
      suite: pkg.importPath,
      file,
      line: file ? d.line : undefined,
      column: file ? d.column : undefined,
      error_class: 'compile error',
      message: d.message,
      stack: pkg.buildOutput.join('\n').trim(),
      repro_cmd: repro.goPackage(target),
      package: opts.package,
    } satisfies TestResult;
  });
}

function packageError(pkg: GoPackage, ctx: GoConvertContext): TestResult {
  const a = analyseOutput(pkg.output);
  const lines = a.text.split('\n').filter((l) => l.trim() !== '');
  const where = a.panic !== undefined ? locate(a.text, ctx.opts) : {};
  return {
    kind: 'test',
    framework: 'go',
    test_id: testId(pkg.importPath, ['(package)']),
    status: 'errored',
    suite: pkg.importPath,
    name: '(package)',
    file: where.file,
    line: where.line,
    error_class: a.panic !== undefined ? 'panic' : undefined,
    message: a.panic ?? lines[0] ?? 'the package failed without a failing test (TestMain or init)',
    stack: a.text || undefined,
    repro_cmd: repro.goPackage(goTarget(ctx.dirs.dirOf(pkg.importPath), pkg.importPath)),
    package: ctx.opts.package,
  };
}
