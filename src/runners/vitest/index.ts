import path from 'node:path';
import type { Runner, SuiteContext, TestRef } from '../types.js';
import { displayCommand } from '../exec/display.js';
import { fullNamePattern, jsSuite, nameFilter, nodeBin, testFiles } from '../shared/js.js';

const signals = {
  script: /(^|[\s;&|/])vitest(\s|$)/,
  configs: ['vitest.config.ts', 'vitest.config.mts', 'vitest.config.js', 'vitest.config.mjs', 'vitest.config.cjs', 'vitest.config.cts', 'vitest.workspace.ts', 'vitest.workspace.js', 'vitest.workspace.json'],
  deps: ['vitest'],
};

const report = (ctx: SuiteContext) => path.join(ctx.reportDir, 'vitest.json');
// The JSON reporter beside the default one: the log stays readable and the report has every test.
const reporters = (ctx: SuiteContext) => ['--reporter=default', '--reporter=json', `--outputFile.json=${report(ctx)}`];
const env = { CI: 'true', FORCE_COLOR: '0' };

export const vitest: Runner = {
  id: 'vitest',
  label: 'Vitest',
  detect: (pkg) => jsSuite('vitest', pkg, signals, 'vitest run'),
  fullRun: (ctx) => ({
    argv: [nodeBin(ctx, 'vitest'), 'run', ...reporters(ctx), '--passWithNoTests'],
    cwd: ctx.pkgAbs,
    env,
    reports: [{ path: report(ctx) }],
    tool: 'vitest',
    installHint: 'npm install --save-dev vitest',
  }),
  targetedRun: (ctx, tests) => ({
    argv: [nodeBin(ctx, 'vitest'), 'run', ...testFiles(tests, ctx.pkgDir), ...nameFilter(tests), ...reporters(ctx)],
    cwd: ctx.pkgAbs,
    env,
    reports: [{ path: report(ctx) }],
    tool: 'vitest',
  }),
  reproCommand: (ctx, test: TestRef) =>
    displayCommand([nodeBin(ctx, 'vitest'), 'run', ...testFiles([test], ctx.pkgDir), '-t', fullNamePattern(test)], ctx.pkgAbs, ctx.root),
};
