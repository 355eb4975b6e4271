import { filesReporter } from './files-reporter.js';
import { jsonReporter } from './json-reporter.js';
import { markdownReporter } from './markdown-reporter.js';
import { terminalReporter } from './terminal/reporter.js';
import type { HealReporter, ReporterContext, ReporterFactory } from './types.js';
import { UsageError } from '../errors.js';

export type { HealReporter, ReporterContext, ReporterFactory } from './types.js';
export { renderMarkdown } from './markdown.js';
export { buildFixProposal } from './fix-proposal.js';
export { buildTaskContext } from './task-context.js';

/**
 * Every built-in heal reporter by name (vitest-style). File writers first: their paths are known
 * before the terminal and JSON reporters print. A GitHub or dashboard reporter is one more entry.
 */
export const healReporters: Record<string, ReporterFactory> = {
  files: filesReporter,
  markdown: markdownReporter,
  terminal: (ctx) => terminalReporter(ctx),
  'terminal-progress': (ctx) => terminalReporter(ctx, { summary: false }),
  json: jsonReporter,
};

export function createReporters(names: string[], ctx: ReporterContext): HealReporter[] {
  return names.map((n) => {
    const make = healReporters[n];
    if (!make) throw new UsageError(`unknown reporter '${n}'`, { code: 'E_UNKNOWN_REPORTER', hint: `Known reporters: ${Object.keys(healReporters).join(', ')}.` });
    return make(ctx);
  });
}
