import path from 'node:path';
import type { Runner, SuiteContext } from '../types.js';
import { displayCommand } from '../exec/display.js';
import { fullNamePattern, jsSuite, nameFilter, nodeBin, testFiles } from '../shared/js.js';

const signals = {
  script: /(^|[\s;&|/])jest(\s|$)/,
  configs: ['jest.config.js', 'jest.config.ts', 'jest.config.mjs', 'jest.config.cjs', 'jest.config.json'],
  deps: ['jest'],
  packageKeys: ['jest'],
};

const report = (ctx: SuiteContext) => path.join(ctx.reportDir, 'jest.json');
// --json with --outputFile keeps the default reporter in the log; --testLocationInResults adds lines.
const reporters = (ctx: SuiteContext) => ['--ci', '--json', `--outputFile=${report(ctx)}`, '--testLocationInResults'];
const env = { CI: 'true', FORCE_COLOR: '0' };

export const jest: Runner = {
  id: 'jest',
  label: 'Jest',
  detect: (pkg) => jsSuite('jest', pkg, signals, 'jest'),
  fullRun: (ctx) => ({
    argv: [nodeBin(ctx, 'jest'), ...reporters(ctx), '--passWithNoTests'],
    cwd: ctx.pkgAbs,
    env,
    reports: [{ path: report(ctx) }],
    tool: 'jest',
    installHint: 'npm install --save-dev jest',
  }),
  targetedRun: (ctx, tests) => {
    const files = testFiles(tests, ctx.pkgDir);
    return {
      argv: [nodeBin(ctx, 'jest'), ...reporters(ctx), ...(files.length ? ['--runTestsByPath', ...files] : []), ...nameFilter(tests)],
      cwd: ctx.pkgAbs,
      env,
      reports: [{ path: report(ctx) }],
      tool: 'jest',
    };
  },
  reproCommand: (ctx, test) => {
    const files = testFiles([test], ctx.pkgDir);
    return displayCommand([nodeBin(ctx, 'jest'), ...(files.length ? ['--runTestsByPath', ...files] : []), '-t', fullNamePattern(test)], ctx.pkgAbs, ctx.root);
  },
};
