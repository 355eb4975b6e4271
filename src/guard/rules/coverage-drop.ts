import { loadCoverage, lookup } from '../coverage/load.js';
import { pct, totals, type CoverageReport } from '../coverage/types.js';
import type { Rule, RuleFinding } from './types.js';

const fmt = (n: number): string => `${n.toFixed(1)}%`;

/** Compares touched files' line coverage between two reports, and the head total against a minimum. */
export function coverageFindings(base: CoverageReport | undefined, head: CoverageReport, touched: string[], tolerance: number, minTotal: number | undefined): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (base) {
    for (const file of touched) {
      const b = lookup(base, file);
      const h = lookup(head, file);
      if (!b || !h) continue;
      if (pct(h) < pct(b) - tolerance - 1e-9) out.push({ message: `line coverage of ${file} dropped ${fmt(pct(b))} → ${fmt(pct(h))}${tolerance > 0 ? ` (tolerance ${tolerance} points)` : ''}`, file });
    }
  }
  if (minTotal !== undefined) {
    const total = pct(totals(head));
    if (total < minTotal) out.push({ message: `total line coverage ${fmt(total)} is under the minimum ${fmt(minTotal)}` });
  }
  return out;
}

/** A fix may not lower the coverage of the files it touches (the "delete the test" failure mode). */
export const coverageDrop: Rule = {
  id: 'coverage-drop',
  description: 'Coverage of a file the patch touches went down between the base and head reports, or the total is under the minimum',
  severity: 'block',
  async run(ctx) {
    const { base, head } = ctx.coverage;
    if (!head) return [];
    const [b, h] = await Promise.all([base ? loadCoverage(base, ctx.root) : undefined, loadCoverage(head, ctx.root)]);
    const touched = ctx.files.filter((f) => f.status !== 'deleted' && !ctx.isTestFile(f.path)).map((f) => f.path);
    return coverageFindings(b, h, touched, ctx.config.coverage.tolerance, ctx.config.coverage.min_total);
  },
};
