import path from 'node:path';
import type { Runner, SuiteContext } from '../types.js';
import { displayCommand } from '../exec/display.js';
import { anyOf, fullNamePattern, jsSuite, nodeBin } from '../shared/js.js';

const signals = {
  script: /(^|[\s;&|/])mocha(\s|$)/,
  configs: ['.mocharc.yml', '.mocharc.yaml', '.mocharc.js', '.mocharc.cjs', '.mocharc.mjs', '.mocharc.json', '.mocharc.jsonc'],
  deps: ['mocha'],
  packageKeys: ['mocha'],
};

const report = (ctx: SuiteContext) => path.join(ctx.reportDir, 'mocha.json');
// mocha has one reporter at a time: the built-in JSON one, written to a file (the log keeps stderr).
const reporters = (ctx: SuiteContext) => ['--reporter', 'json', '--reporter-option', `output=${report(ctx)}`];
const env = { FORCE_COLOR: '0' };

/**
 * Positional spec files are added to the configured spec, not substituted for it, so targeted runs
 * filter by --grep on the full title only (every spec file still loads).
 */
export const mocha: Runner = {
  id: 'mocha',
  label: 'Mocha',
  detect: (pkg) => jsSuite('mocha', pkg, signals, 'mocha'),
  fullRun: (ctx) => ({ argv: [nodeBin(ctx, 'mocha'), ...reporters(ctx)], cwd: ctx.pkgAbs, env, reports: [{ path: report(ctx) }], tool: 'mocha', installHint: 'npm install --save-dev mocha' }),
  targetedRun: (ctx, tests) => ({
    argv: [nodeBin(ctx, 'mocha'), ...reporters(ctx), '--grep', anyOf(tests.map(fullNamePattern))],
    cwd: ctx.pkgAbs,
    env,
    reports: [{ path: report(ctx) }],
    tool: 'mocha',
  }),
  reproCommand: (ctx, test) => displayCommand([nodeBin(ctx, 'mocha'), '--grep', fullNamePattern(test)], ctx.pkgAbs, ctx.root),
};
