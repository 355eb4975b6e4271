import type { StatedTotals, TestResult } from '../events/index.js';

/** Report formats suture reads. Detection picks one from content; `--format` overrides. */
export type ReportFormat = string;

export interface ParseOptions {
  /** Absolute repository root: `file` fields are made relative to it, frames outside it are ignored. */
  repoRoot: string;
  /** Force a format instead of detecting it. */
  format?: ReportFormat;
  /** Workspace package dir (repository-relative) stamped on results. */
  package?: string;
  /** Name shown in errors (defaults to the path). */
  displayName?: string;
  /** Called with the totals a report states about itself, when it states them. */
  onTotals?: (totals: StatedTotals) => void;
}
