import type { ClusterResolution, Verdict } from '../events/index.js';
import type { GateResult } from './types.js';

export interface DecisionInput {
  /** Triage's calibrated confidence in the diagnosis. */
  confidence: number;
  threshold: number;
  verdict: Verdict;
  gate: GateResult;
}

/**
 * A verified fix is "healed" (eligible to be applied automatically) only when triage is sure enough
 * AND the guard passes it AND the breaker/rate limit allow; otherwise it is a proposal for a person.
 */
export function decide(input: DecisionInput): { resolution: Extract<ClusterResolution, 'healed' | 'proposed'>; reason: string } {
  const why: string[] = [];
  if (input.confidence < input.threshold) why.push(`triage confidence ${input.confidence.toFixed(2)} is under the ${input.threshold.toFixed(2)} threshold`);
  if (input.verdict.decision !== 'pass') {
    const findings = input.verdict.findings.filter((f) => f.severity === 'approval' || f.severity === 'block').map((f) => f.message);
    why.push(`the guard asks for approval${findings.length ? ` (${findings.slice(0, 2).join('; ')})` : ''}`);
  }
  if (!input.gate.allowed) why.push(`auto-apply is paused: ${input.gate.reason ?? 'circuit breaker open'}`);
  return why.length === 0 ? { resolution: 'healed', reason: 'verified, confident and allowed by the guard' } : { resolution: 'proposed', reason: `verified, but ${why.join('; ')}` };
}
