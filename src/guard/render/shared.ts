import type { Finding, Severity, Verdict } from '../../events/index.js';

export const SEVERITY_ORDER: Record<Severity, number> = { block: 0, approval: 1, warn: 2, info: 3 };

/** What every renderer shows besides the verdict itself. */
export interface VerdictReport {
  verdict: Verdict;
  files: number;
  linesAdded: number;
  linesRemoved: number;
  /** What was judged, e.g. "origin/main...HEAD" or "working tree vs HEAD". */
  subject: string;
  dryRun?: boolean;
}

/** Most severe first, then by file and line, so the reason for the decision is on top. */
export function sortedFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
}

export function where(f: Finding): string {
  return f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '(patch)';
}

export const DECISION_TEXT: Record<Verdict['decision'], string> = {
  pass: 'PASS',
  'needs-approval': 'NEEDS APPROVAL',
  block: 'BLOCK',
};
