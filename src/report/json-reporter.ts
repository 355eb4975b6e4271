import type { HealResult } from '../heal/types.js';
import { buildFixProposal } from './fix-proposal.js';
import type { HealReporter, ReporterContext } from './types.js';

/** `--json`: one JSON document on stdout at the end (the fix proposal plus run figures and outputs). */
export function jsonReporter(ctx: ReporterContext): HealReporter {
  return {
    name: 'json',
    onRunEnd(r: HealResult) {
      const doc = {
        ...buildFixProposal(r),
        dryRun: r.dryRun,
        durationMs: r.durationMs,
        testRuns: r.testRuns,
        testTimeMs: r.testTimeMs,
        applyNote: r.applyNote ?? null,
        warnings: r.warnings,
      };
      ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    },
  };
}
