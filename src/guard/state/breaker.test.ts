import { describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.js';
import { evaluateBreaker, type AttemptRow } from './breaker.js';

const policy = configSchema.parse({}).guard.breaker;
const row = (outcome: AttemptRow['outcome'], fingerprint = 'fp1:a', i = 0): AttemptRow => ({ fingerprint, outcome, startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 60 - i)).toISOString() });

describe('evaluateBreaker', () => {
  it('stays closed at 70% over the last 10 and opens under it', () => {
    const seven = [...Array(7)].map((_, i) => row('healed', `fp${i}`)).concat([...Array(3)].map((_, i) => row('still-failing', `x${i}`)));
    expect(evaluateBreaker(seven, policy)).toMatchObject({ trip: false, successRate: 0.7, counted: 10 });
    const six = [...Array(6)].map((_, i) => row('healed', `fp${i}`)).concat([...Array(4)].map((_, i) => row('regressed', `x${i}`)));
    expect(evaluateBreaker(six, policy)).toMatchObject({ trip: true, reason: 'success rate 60% over the last 10 attempts is under 70%' });
  });

  it('only looks at the last `window` counted attempts, and ignores attempts where nothing was tried', () => {
    const recent = [...Array(10)].map((_, i) => row('healed', `fp${i}`));
    const old = [...Array(10)].map((_, i) => row('error', `old${i}`));
    expect(evaluateBreaker([...recent, ...old], policy).trip).toBe(false);
    const noise = [...Array(20)].map(() => row('no-candidate', 'n'));
    expect(evaluateBreaker([...noise, ...recent], policy)).toMatchObject({ trip: false, counted: 10 });
  });

  it('needs min_attempts before the rate can open it', () => {
    expect(evaluateBreaker([row('error', 'a'), row('error', 'b')], policy).trip).toBe(false);
  });

  it('opens when one fingerprint failed 3 times since it last healed', () => {
    const three = [row('still-failing', 'fp1:z'), row('blocked', 'fp1:z'), row('regressed', 'fp1:z')];
    expect(evaluateBreaker(three, policy)).toMatchObject({ trip: true, reason: 'fingerprint fp1:z failed 3 times (limit 3)' });
    const healedBetween = [row('still-failing', 'fp1:z'), row('blocked', 'fp1:z'), row('healed', 'fp1:z'), row('regressed', 'fp1:z')];
    expect(evaluateBreaker(healedBetween, policy).trip).toBe(false);
  });
});
