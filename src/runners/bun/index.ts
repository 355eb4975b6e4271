import path from 'node:path';
import type { PlannedSuite } from '../../events/index.js';
import type { PackageInfo } from '../detect/package-info.js';
import { displayCommand } from '../exec/display.js';
import { fullNamePattern, nameFilter, nodeBin, testFiles } from '../shared/js.js';
import type { Runner, SuiteContext } from '../types.js';

function detect(pkg: PackageInfo): PlannedSuite | null {
  const pj = pkg.packageJson;
  const script = pj?.scripts?.test;
  if (script && /(^|[\s;&|])bun\s+test\b/.test(script)) return { runner: 'bun', detectedBy: `package.json scripts.test runs "${script}"`, command: 'bun test', options: { evidence: 'script' } };
  if (/^\[test\]/m.test(pkg.read('bunfig.toml') ?? '')) return { runner: 'bun', detectedBy: 'bunfig.toml [test]', command: 'bun test', options: { evidence: 'config' } };
  return null;
}

const report = (ctx: SuiteContext) => path.join(ctx.reportDir, 'bun.junit.xml');
const reporters = (ctx: SuiteContext) => ['--reporter=junit', `--reporter-outfile=${report(ctx)}`];
const env = { FORCE_COLOR: '0', NO_COLOR: '1' };

/** bun test: JUnit through --reporter=junit; -t matches the describe path and title joined by spaces. */
export const bun: Runner = {
  id: 'bun',
  label: 'bun test',
  detect,
  fullRun: (ctx) => ({ argv: [nodeBin(ctx, 'bun'), 'test', ...reporters(ctx)], cwd: ctx.pkgAbs, env, reports: [{ path: report(ctx) }], tool: 'bun', installHint: 'curl -fsSL https://bun.sh/install | bash' }),
  targetedRun: (ctx, tests) => ({
    argv: [nodeBin(ctx, 'bun'), 'test', ...reporters(ctx), ...testFiles(tests, ctx.pkgDir), ...nameFilter(tests)],
    cwd: ctx.pkgAbs,
    env,
    reports: [{ path: report(ctx) }],
    tool: 'bun',
  }),
  reproCommand: (ctx, test) => displayCommand([nodeBin(ctx, 'bun'), 'test', ...testFiles([test], ctx.pkgDir), '-t', fullNamePattern(test)], ctx.pkgAbs, ctx.root),
};
