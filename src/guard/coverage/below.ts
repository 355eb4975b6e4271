import { lookup } from './load.js';
import { pct, type CoverageReport } from './types.js';

export interface BelowThreshold {
  path: string;
  pct: number;
  hit: number;
  found: number;
}

/** Files under `threshold` percent line coverage, lowest first (what the test-improvement loop works on). */
export function filesUnder(report: CoverageReport, threshold: number, only: string[] = []): BelowThreshold[] {
  const entries = only.length > 0 ? only.flatMap((p) => lookup(report, p) ?? []) : [...report.files.values()];
  return entries
    .map((f) => ({ path: f.path, pct: pct(f), hit: f.hit, found: f.found }))
    .filter((f) => f.pct < threshold)
    .sort((a, b) => a.pct - b.pct || a.path.localeCompare(b.path));
}
