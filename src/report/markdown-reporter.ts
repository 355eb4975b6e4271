import path from 'node:path';
import type { HealResult } from '../heal/types.js';
import { writeFileAtomic } from './atomic.js';
import { renderMarkdown } from './markdown.js';
import type { HealReporter, ReporterContext } from './types.js';

export const MARKDOWN_REPORT = 'heal-report.md';

/** `.suture/heal-report.md`. */
export function markdownReporter(ctx: ReporterContext): HealReporter {
  return {
    name: 'markdown',
    writesFiles: true,
    async onRunEnd(r: HealResult) {
      const file = path.join(ctx.outDir, MARKDOWN_REPORT);
      await writeFileAtomic(file, renderMarkdown(r));
      return [path.relative(ctx.root, file)];
    },
  };
}
