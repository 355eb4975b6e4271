import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/types.js';
import { Budget, noSpend } from './budget.js';
import { costOf, priceFor } from './prices.js';

function cfg(llm: Record<string, unknown>) {
  return configSchema.parse({ llm }).llm;
}

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('prices', () => {
  it('prices a call from the table, by exact id or the longest prefix; config adds and overrides', () => {
    const c = cfg({ prices: { 'my-model': { input: 1, output: 2 }, 'claude-sonnet-4-5': { input: 4, output: 20 } } });
    expect(costOf('my-model', { inputTokens: 1_000_000, outputTokens: 500_000 }, c)).toBe(2);
    expect(priceFor('claude-sonnet-4-5-20250929', c)).toEqual({ input: 4, output: 20 });
    expect(costOf('unknown-model', { inputTokens: 1, outputTokens: 1 }, c)).toBeUndefined();
  });
});

describe('Budget', () => {
  const ctx = { repo: 'r', runId: 'run-1', log: () => {} };

  it('refuses the call that would pass the run limits on calls, tokens and dollars', async () => {
    const c = cfg({ budget: { per_run: { calls: 2, tokens: 10_000, usd: 1 }, per_day: { calls: null, tokens: null, usd: null } }, prices: { m: { input: 10, output: 100 } } });
    const b = new Budget(c, noSpend(), { ...ctx, repo: 'calls' });
    expect(await b.refusal(100)).toBeUndefined();
    await b.charge({ provider: 'p', model: 'm', usage: { inputTokens: 1000, outputTokens: 100 } });
    expect(await b.refusal(100)).toBeUndefined();
    // A prompt that alone would pass the token limit is not sent.
    expect(await b.refusal(9_000)).toMatch(/tokens used per run, the next prompt \(~9000\) would pass 10000 \(llm.budget.per_run.tokens\)/);
    await b.charge({ provider: 'p', model: 'm', usage: { inputTokens: 1000, outputTokens: 100 } });
    expect(await b.refusal(0)).toMatch(/2\/2 calls per run/);

    const c2 = cfg({ budget: { per_run: { calls: null, tokens: null, usd: 1 } }, prices: { m: { input: 10, output: 100 } } });
    const dollars = new Budget(c2, noSpend(), { ...ctx, repo: 'usd' });
    await dollars.charge({ provider: 'p', model: 'm', usage: { inputTokens: 50_000, outputTokens: 5_000 } });
    expect(dollars.run.usd).toBeCloseTo(1.0);
    expect(await dollars.refusal(0)).toMatch(/\$1\.0000 of \$1 per run/);
  });

  it('records every call in the store and enforces the daily limit across runs from it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-budget-'));
    dirs.push(dir);
    const config = configSchema.parse({ llm: { budget: { per_run: { calls: 100 }, per_day: { usd: 0.5, calls: null, tokens: null } }, prices: { m: { input: 1, output: 1 } } } });
    const store: Store = await openStore({ root: dir, config, env: {} });
    try {
      const day = new Date('2026-03-04T10:00:00Z');
      const first = new Budget(config.llm, noSpend(), { ...ctx, store, runId: 'run-a' }, () => day);
      await first.charge({ provider: 'anthropic', model: 'm', usage: { inputTokens: 200_000, outputTokens: 100_000 }, fingerprint: 'fp1:x' });
      // A second run the same day sees the first run's spend through the store.
      const second = new Budget(config.llm, noSpend(), { ...ctx, store, runId: 'run-b' }, () => day);
      expect(await second.refusal(0)).toBeUndefined();
      await second.charge({ provider: 'openai', model: 'm', usage: { inputTokens: 150_000, outputTokens: 50_000 } });
      expect(await second.refusal(0)).toMatch(/\$0\.5000 of \$0\.5 per day \(llm.budget.per_day.usd\)/);
      const spend = await store.spend('2026-03-04T00:00:00.000Z', 'r');
      expect(spend).toEqual({ calls: 2, inputTokens: 350_000, outputTokens: 150_000, usd: 0.5 });
      // The next UTC day starts from zero.
      const tomorrow = new Budget(config.llm, noSpend(), { ...ctx, store, runId: 'run-c' }, () => new Date('2026-03-05T00:00:01Z'));
      expect(await tomorrow.refusal(0)).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
