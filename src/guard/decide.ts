import type { Decision, Finding, RiskLevel } from '../events/index.js';
import type { ApprovalRow } from '../store/types.js';
import { RISK_ORDER } from './risk.js';

export interface DecideInput {
  findings: Finding[];
  risk: RiskLevel;
  riskReasons: string[];
  /** Risk gating applies to scored patches (suture's own, with a triage confidence). */
  scored: boolean;
  autoApply: RiskLevel;
  approvals: ApprovalRow[];
  approvalsRequired: number;
}

/**
 * Block wins; approval findings (and a scored patch above the auto-apply risk) need that many
 * distinct recorded approvers of this exact patch hash. Blocking findings cannot be approved away.
 */
export function decide(input: DecideInput): { decision: Decision; findings: Finding[] } {
  const findings = [...input.findings];
  if (input.scored && RISK_ORDER[input.risk] > RISK_ORDER[input.autoApply]) {
    findings.push({ rule: 'risk', severity: 'approval', message: `risk ${input.risk} is above the auto-apply level ${input.autoApply} (${input.riskReasons.join('; ')})` });
  }
  if (findings.some((f) => f.severity === 'block')) return { decision: 'block', findings };
  if (!findings.some((f) => f.severity === 'approval')) return { decision: 'pass', findings };
  const approvers = [...new Set(input.approvals.map((a) => a.approver))];
  if (approvers.length >= input.approvalsRequired) {
    const when = input.approvals.map((a) => a.at).sort().at(-1);
    findings.push({ rule: 'approval', severity: 'info', message: `approved by ${approvers.join(', ')} (latest ${when})` });
    return { decision: 'pass', findings };
  }
  if (approvers.length > 0) {
    findings.push({ rule: 'approval', severity: 'info', message: `approved by ${approvers.join(', ')}; ${input.approvalsRequired - approvers.length} more approval(s) needed` });
  }
  return { decision: 'needs-approval', findings };
}
