import type { Runner } from '../types.js';

/**
 * Any command plus a report glob (suture.yml `runners.commands`, or a package's own `npm test` when no
 * known framework is detected). Detection never claims a package for it; the plan adds it. Without a
 * report the exit code decides, and a failure is one event carrying the log excerpt.
 */
export const command: Runner = {
  id: 'command',
  label: 'custom command',
  detect: () => null,
  fullRun: (ctx) => {
    const o = ctx.suite.options ?? {};
    const report = typeof o.report === 'string' ? o.report : undefined;
    return {
      argv: ['/bin/sh', '-c', ctx.suite.command],
      cwd: ctx.pkgAbs,
      reports: report ? [{ path: report, glob: true, format: typeof o.format === 'string' ? o.format : undefined }] : [],
      tool: 'sh',
    };
  },
};
