/** Line coverage of one file, as every supported report format can express it. */
export interface FileCoverage {
  path: string;
  found: number;
  hit: number;
}

export type CoverageFormat = 'lcov' | 'cobertura' | 'istanbul-summary' | 'istanbul-final' | 'coverage.py' | 'go-cover';

export interface CoverageReport {
  format: CoverageFormat;
  /** Keyed by normalized path (repo-relative when the report's paths lie under the root). */
  files: Map<string, FileCoverage>;
}

/** Percentage of lines hit; a file with no coverable lines counts as fully covered. */
export function pct(c: { found: number; hit: number }): number {
  return c.found === 0 ? 100 : (c.hit / c.found) * 100;
}

export function totals(report: CoverageReport): { found: number; hit: number } {
  let found = 0;
  let hit = 0;
  for (const f of report.files.values()) {
    found += f.found;
    hit += f.hit;
  }
  return { found, hit };
}
