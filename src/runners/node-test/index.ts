import path from 'node:path';
import type { PlannedSuite } from '../../events/index.js';
import type { PackageInfo } from '../detect/package-info.js';
import { resolveOnPath } from '../exec/bin.js';
import { displayCommand } from '../exec/display.js';
import { anyOf, escapeRegExp, testFiles } from '../shared/js.js';
import type { Runner, SuiteContext, TestRef } from '../types.js';

/**
 * The node flags and paths of a `node ... --test ...` test script, when the script is that one
 * command (no `&&`, pipes or env assignments we would have to reimplement).
 */
export function nodeTestArgs(script: string | undefined): string[] | null {
  if (!script || /[;&|<>`$()]/.test(script)) return null;
  const words = script.trim().split(/\s+/);
  if (words[0] !== 'node' || !words.includes('--test')) return null;
  return words.slice(1).filter((w) => w !== '--test' && !w.startsWith('--test-reporter'));
}

function detect(pkg: PackageInfo): PlannedSuite | null {
  const script = pkg.packageJson?.scripts?.test;
  const args = nodeTestArgs(script);
  if (args === null) return null;
  return { runner: 'node-test', detectedBy: `package.json scripts.test runs "${script}"`, command: ['node', '--test', ...args].join(' '), options: { evidence: 'script', args } };
}

const report = (ctx: SuiteContext) => path.join(ctx.reportDir, 'node-test.junit.xml');
const node = () => resolveOnPath('node') ?? process.execPath;
const scriptArgs = (ctx: SuiteContext) => (ctx.suite.options?.args as string[] | undefined) ?? [];
/** Flags (not paths) of the script, kept for targeted runs (--import tsx, --experimental-...). */
const scriptFlags = (ctx: SuiteContext) => scriptArgs(ctx).filter((a) => a.startsWith('-'));
const reporters = (ctx: SuiteContext) => ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=junit', `--test-reporter-destination=${report(ctx)}`];
// Node 20 matches --test-name-pattern against a test's own name (not its describe path).
const namePattern = (t: TestRef) => `^${escapeRegExp(t.name ?? '')}$`;

export const nodeTest: Runner = {
  id: 'node-test',
  label: 'node:test',
  detect,
  fullRun: (ctx) => ({ argv: [node(), '--test', ...reporters(ctx), ...scriptArgs(ctx)], cwd: ctx.pkgAbs, env: { FORCE_COLOR: '0' }, reports: [{ path: report(ctx) }], tool: 'node' }),
  targetedRun: (ctx, tests) => ({
    argv: [node(), '--test', ...scriptFlags(ctx), `--test-name-pattern=${anyOf(tests.map(namePattern))}`, ...reporters(ctx), ...testFiles(tests, ctx.pkgDir)],
    cwd: ctx.pkgAbs,
    env: { FORCE_COLOR: '0' },
    reports: [{ path: report(ctx) }],
    tool: 'node',
  }),
  reproCommand: (ctx, test) => displayCommand([node(), '--test', ...scriptFlags(ctx), `--test-name-pattern=${namePattern(test)}`, ...testFiles([test], ctx.pkgDir)], ctx.pkgAbs, ctx.root),
};
