/** Guard results are data (danger-js style): rules push findings, renderers read the same list. */
export type Severity = 'info' | 'warn' | 'approval' | 'block';

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
}

export type Decision = 'pass' | 'needs-approval' | 'block';
export type RiskLevel = 'low' | 'medium' | 'high';

export interface Verdict {
  decision: Decision;
  risk: RiskLevel;
  findings: Finding[];
  /** Hash of the judged patch, so an approval can be tied to exactly this change. */
  patchHash?: string;
}
