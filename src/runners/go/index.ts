import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestResult } from '../../events/index.js';
import { lineDiagnostics } from '../checks/line-diagnostics.js';
import { resolveOnPath } from '../exec/bin.js';
import { displayCommand } from '../exec/display.js';
import { escapeRegExp } from '../shared/js.js';
import type { Runner, SuiteContext, TestRef } from '../types.js';

const go = () => resolveOnPath('go') ?? 'go';
const installHint = 'install Go from https://go.dev/dl (Debian: apt-get install golang-go)';
const moduleOf = (ctx: SuiteContext) => (ctx.suite.options?.module as string | undefined) ?? '';

/** `./calc` for import path example.com/m/calc of module example.com/m: what `go test` takes from the module root. */
export function packagePath(importPath: string | undefined, module: string): string {
  if (!importPath || importPath === module) return '.';
  if (module && importPath.startsWith(`${module}/`)) return `./${importPath.slice(module.length + 1)}`;
  return importPath;
}

/** The first "x_test.go:24:" a failing test printed (t.Errorf/t.Fatalf prefix their output with it). */
function firstGoLocation(text: string): { file: string; line: number } | undefined {
  const m = /^\s*([\w.-]+\.go):(\d+):/m.exec(text);
  return m ? { file: m[1]!, line: Number(m[2]) } : undefined;
}

/** Results keep the Go package as `suite` and the test (with /subtests) as `name`. */
const testName = (t: TestRef) => t.name ?? '';

/** -run for one test: one anchored pattern per subtest level, as `go test` splits it on "/". */
export function runPattern(name: string): string {
  return name
    .split('/')
    .map((p) => `^${escapeRegExp(p)}$`)
    .join('/');
}

export const goRunner: Runner = {
  id: 'go',
  label: 'go test',
  detect(pkg) {
    if (!pkg.has('go.mod')) return null;
    const module = pkg.goModule;
    return { runner: 'go', detectedBy: `go.mod present${module ? ` (module ${module})` : ''}`, command: 'go test ./...', options: { module } };
  },
  fullRun: (ctx) => ({ argv: [go(), 'test', '-json', './...'], cwd: ctx.pkgAbs, reports: [], stdoutReport: { format: 'go-json' }, tool: 'go', installHint }),
  targetedRun(ctx, tests) {
    // Top-level names only: one -run cannot hold alternatives at different subtest depths; subtests of a re-run test run too.
    const tops = [...new Set(tests.map((t) => testName(t).split('/')[0]!))].map(escapeRegExp);
    const pkgs = [...new Set(tests.map((t) => packagePath(t.suite, moduleOf(ctx))))];
    return {
      argv: [go(), 'test', '-json', '-count=1', '-run', `^(${tops.join('|')})$`, ...pkgs],
      cwd: ctx.pkgAbs,
      reports: [],
      stdoutReport: { format: 'go-json' },
      tool: 'go',
    };
  },
  // Compile and vet errors of `go test` go to stderr, outside the JSON stream.
  diagnose: (ctx, log) => lineDiagnostics(log, { root: ctx.root, pkgDir: ctx.pkgDir }, 'go', 'build'),
  normalize(ctx, r: TestResult): TestResult {
    // go prints file names relative to the Go package's directory ("calc_test.go:24"); make them repository-relative.
    if (r.file && existsSync(path.join(ctx.root, r.file))) return r;
    const printed = r.file ? { file: r.file, line: r.line } : firstGoLocation(r.stack ?? r.message ?? '');
    const dir = packagePath(r.suite, moduleOf(ctx));
    if (!printed || !(dir.startsWith('./') || dir === '.')) return r;
    const candidate = path.posix.join(ctx.pkgDir, dir, path.posix.basename(printed.file));
    return existsSync(path.join(ctx.root, candidate)) ? { ...r, file: candidate, line: printed.line ?? r.line } : r;
  },
  reproCommand: (ctx, test) => displayCommand([go(), 'test', '-count=1', '-run', runPattern(testName(test)), packagePath(test.suite, moduleOf(ctx))], ctx.pkgAbs, ctx.root),
};
