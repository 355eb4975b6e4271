import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configSchema, type SutureConfigInput } from '../../src/config/schema.js';
import type { AttemptRecord, Cluster, FailureEvent } from '../../src/events/index.js';
import type { FixContext } from '../../src/fixers/types.js';

/** The discount scenario's broken source (as in eval/heal/ts-reasoning-discount). */
export const PRICING_BROKEN = `/** Member discount first, then the voucher, never below zero. */
export function finalPrice(price: number, memberPercent: number, voucher: number): number {
  const afterVoucher = Math.max(0, price - voucher);
  return Math.round(afterVoucher * (1 - memberPercent / 100) * 100) / 100;
}
`;

export const PRICING_TEST = `import { expect, test } from 'vitest';
import { finalPrice } from './pricing';
test('no discounts', () => expect(finalPrice(100, 0, 0)).toBe(100));
test('member discount, then voucher', () => expect(finalPrice(100, 10, 20)).toBe(70));
`;

/** A search/replace answer that fixes PRICING_BROKEN. */
export const PRICING_FIX = `The member discount must be applied before the voucher.

src/pricing.ts
<<<<<<< SEARCH
  const afterVoucher = Math.max(0, price - voucher);
  return Math.round(afterVoucher * (1 - memberPercent / 100) * 100) / 100;
=======
  const afterMember = price * (1 - memberPercent / 100);
  return Math.round(Math.max(0, afterMember - voucher) * 100) / 100;
>>>>>>> REPLACE
`;

export async function pricingWorktree(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-llm-wt-'));
  await mkdir(path.join(dir, 'src'));
  await writeFile(path.join(dir, 'src', 'pricing.ts'), PRICING_BROKEN);
  await writeFile(path.join(dir, 'src', 'pricing.test.ts'), PRICING_TEST);
  return dir;
}

export function pricingEvent(message = 'AssertionError: expected 72 to be 70 // Object.is equality'): FailureEvent {
  return {
    v: 1, kind: 'test', run_id: 'run', ts: '2026-01-01T00:00:00.000Z', framework: 'vitest', test_id: 'src/pricing.test.ts > member discount, then voucher',
    status: 'failed', file: 'src/pricing.test.ts', line: 4, message, stack: `${message}\n    at src/pricing.test.ts:4:75`, error_class: 'AssertionError',
  } as FailureEvent;
}

export function clusterOf(events: FailureEvent[], fingerprint = 'fp1:pricing'): Cluster {
  const e = events[0]!;
  return {
    fingerprint, stage: 'test', category: 'assertion', confidence: 0.9, rootCause: 'an assertion fails', suggestedFix: 'fix the code under test',
    testIds: events.map((x) => x.test_id), count: events.length, firstSeen: e.ts, lastSeen: e.ts, representative: e, flaky: false, risk: 0.3, priority: 1,
  };
}

export function fixContext(opts: { worktree: string; llm?: SutureConfigInput['llm']; events?: FailureEvent[]; runId?: string; previousAttempts?: AttemptRecord[]; fingerprint?: string }): FixContext & { lines: string[] } {
  const events = opts.events ?? [pricingEvent()];
  const lines: string[] = [];
  const config = configSchema.parse({ llm: opts.llm ?? {} });
  return {
    cluster: clusterOf(events, opts.fingerprint),
    events,
    worktree: opts.worktree,
    plan: { root: opts.worktree, packages: [] },
    config,
    previousAttempts: opts.previousAttempts ?? [],
    repo: 'test-repo',
    runId: opts.runId ?? `run-${Math.random().toString(36).slice(2)}`,
    signal: new AbortController().signal,
    log: (l) => lines.push(l),
    lines,
  };
}
