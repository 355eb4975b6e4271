import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import type { Finding } from '../events/index.js';
import { decide, type DecideInput } from './decide.js';
import { assessRisk } from './risk.js';

const policy = configSchema.parse({}).guard.risk;
const f = (severity: Finding['severity']): Finding => ({ rule: 'x', severity, message: 'm' });
const base: DecideInput = { findings: [], risk: 'low', riskReasons: [], scored: false, autoApply: 'low', approvals: [], approvalsRequired: 1 };

describe('risk table', () => {
  it.each([
    [{ confidence: 0.95, files: 1, lines: 10, findings: [] }, 'low'],
    [{ confidence: 0.95, files: 2, lines: 10, findings: [] }, 'medium'],
    [{ confidence: 0.95, files: 1, lines: 30, findings: [] }, 'medium'],
    [{ confidence: 0.7, files: 1, lines: 10, findings: [] }, 'medium'],
    [{ confidence: 0.95, files: 1, lines: 10, findings: [f('approval')] }, 'medium'],
    [{ confidence: 0.5, files: 1, lines: 10, findings: [] }, 'high'],
    [{ confidence: 0.95, files: 3, lines: 10, findings: [] }, 'high'],
    [{ confidence: 0.95, files: 1, lines: 41, findings: [] }, 'high'],
    [{ confidence: 0.95, files: 1, lines: 1, findings: [f('block')] }, 'high'],
    [{ confidence: undefined, files: 1, lines: 1, findings: [] }, 'low'],
  ])('%j is %s', (input, level) => {
    expect(assessRisk(input, policy).level).toBe(level);
  });
});

describe('decide', () => {
  it('blocks on any blocking finding, even when approved', () => {
    expect(decide({ ...base, findings: [f('block'), f('approval')], approvals: [{ patchHash: 'h', approver: 'a', at: 't' }] }).decision).toBe('block');
  });

  it('needs approval until enough distinct approvers recorded this hash', () => {
    const two = { ...base, findings: [f('approval')], approvalsRequired: 2 };
    expect(decide(two).decision).toBe('needs-approval');
    const once = decide({ ...two, approvals: [{ patchHash: 'h', approver: 'ann', at: '2026-01-01T00:00:00Z' }, { patchHash: 'h', approver: 'ann', at: '2026-01-02T00:00:00Z' }] });
    expect(once.decision).toBe('needs-approval');
    expect(once.findings.at(-1)!.message).toBe('approved by ann; 1 more approval(s) needed');
    const ok = decide({ ...two, approvals: [{ patchHash: 'h', approver: 'ann', at: '2026-01-01T00:00:00Z' }, { patchHash: 'h', approver: 'ben', at: '2026-01-02T00:00:00Z' }] });
    expect(ok.decision).toBe('pass');
    expect(ok.findings.at(-1)).toEqual({ rule: 'approval', severity: 'info', message: 'approved by ann, ben (latest 2026-01-02T00:00:00Z)' });
  });

  it("sends a scored patch above the auto-apply risk to review; a human's change is not scored", () => {
    expect(decide({ ...base, risk: 'medium', riskReasons: ['2 files > 1'], scored: true })).toEqual({
      decision: 'needs-approval',
      findings: [{ rule: 'risk', severity: 'approval', message: 'risk medium is above the auto-apply level low (2 files > 1)' }],
    });
    expect(decide({ ...base, risk: 'medium', scored: false }).decision).toBe('pass');
    expect(decide({ ...base, risk: 'medium', scored: true, autoApply: 'medium' }).decision).toBe('pass');
  });

  it('passes warn and info findings', () => {
    expect(decide({ ...base, findings: [f('warn'), f('info')] }).decision).toBe('pass');
  });
});
