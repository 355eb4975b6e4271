import type { Finding, RiskLevel } from '../events/index.js';
import type { GuardConfig } from './config.js';

export const RISK_ORDER: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

export interface RiskInput {
  /** Triage confidence that the diagnosis is right; undefined for a human's change (not scored). */
  confidence: number | undefined;
  files: number;
  lines: number;
  findings: Finding[];
}

/**
 * The risk table (documented in docs/guard.md):
 *
 * | level  | when |
 * |--------|------|
 * | high   | any blocking finding, or confidence < medium.min_confidence, or more files/lines than the medium band |
 * | medium | any approval/warn finding, or confidence < low.min_confidence, or more files/lines than the low band |
 * | low    | everything else |
 */
export function assessRisk(input: RiskInput, policy: GuardConfig['risk']): { level: RiskLevel; reasons: string[] } {
  const high: string[] = [];
  const medium: string[] = [];
  const { confidence, files, lines, findings } = input;
  if (findings.some((f) => f.severity === 'block')) high.push('a blocking finding');
  if (confidence !== undefined && confidence < policy.medium.min_confidence) high.push(`confidence ${confidence} < ${policy.medium.min_confidence}`);
  if (files > policy.medium.max_files) high.push(`${files} files > ${policy.medium.max_files}`);
  if (lines > policy.medium.max_lines) high.push(`${lines} lines > ${policy.medium.max_lines}`);
  if (high.length > 0) return { level: 'high', reasons: high };
  if (findings.some((f) => f.severity === 'approval' || f.severity === 'warn')) medium.push('findings that need review');
  if (confidence !== undefined && confidence < policy.low.min_confidence) medium.push(`confidence ${confidence} < ${policy.low.min_confidence}`);
  if (files > policy.low.max_files) medium.push(`${files} files > ${policy.low.max_files}`);
  if (lines > policy.low.max_lines) medium.push(`${lines} lines > ${policy.low.max_lines}`);
  return medium.length > 0 ? { level: 'medium', reasons: medium } : { level: 'low', reasons: [] };
}
