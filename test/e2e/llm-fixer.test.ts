import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmFixer } from '../../src/fixers/llm/index.js';
import { fixContext, PRICING_BROKEN, PRICING_FIX, pricingEvent, pricingWorktree } from '../fakes/fix-context.js';
import { startFakeModelServer, type FakeModelServer } from '../fakes/model-server.js';

// The llm fixer end to end against the fake vendor servers, through the official SDKs. The scripted
// replies are test data: nothing here says anything about how a real model behaves.
let server: FakeModelServer;
let worktree: string;
const env = { FAKE_ANTHROPIC_KEY: 'fake-anthropic-key-000111', FAKE_OPENAI_KEY: 'fake-openai-key-000222' };
const fixer = createLlmFixer({ env, retry: { baseDelayMs: 1, maxDelayMs: 5 } });

function llm(over: Record<string, unknown> = {}) {
  return {
    provider: 'anthropic',
    fallback: 'openai',
    providers: {
      anthropic: { base_url: server.url, api_key_env: 'FAKE_ANTHROPIC_KEY', max_retries: 1 },
      openai: { base_url: `${server.url}/v1`, api_key_env: 'FAKE_OPENAI_KEY', max_retries: 1 },
    },
    prices: { 'claude-sonnet-5-5': { input: 3, output: 15 } },
    ...over,
  };
}

beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  server.requests.length = 0;
  worktree = await pricingWorktree();
});
afterEach(async () => {
  expect(server.pending()).toBe(0);
  await rm(worktree, { recursive: true, force: true });
});

const pricing = () => readFile(path.join(worktree, 'src', 'pricing.ts'), 'utf8');

describe('llm fixer', () => {
  it('writes the model\'s edit into the worktree and reports its cost', async () => {
    server.script({ reply: PRICING_FIX, usage: { input: 2000, output: 100 } });
    const ctx = fixContext({ worktree, llm: llm() });
    const r = await fixer.propose(ctx);
    expect(r).toMatchObject({ kind: 'edited', costUsd: (2000 * 3 + 100 * 15) / 1e6 });
    expect(r.kind === 'edited' && r.summary).toMatch(/^anthropic\/claude-sonnet-5-5: The member discount must be applied before the voucher\. \[src\/pricing.ts; 4 line\(s\) changed\]$/);
    expect(await pricing()).toContain('const afterMember = price * (1 - memberPercent / 100);');
    // The prompt carried the failing test and the code under test.
    const body = server.requests[0]!.json as { system: string; messages: { content: string }[] };
    expect(body.messages[0]!.content).toContain("test('member discount, then voucher'");
    expect(body.messages[0]!.content).toContain('const afterVoucher = Math.max(0, price - voucher);');
    expect(body.system).toContain('UNFIXABLE');
    expect(ctx.lines.join('\n')).toMatch(/anthropic claude-sonnet-5-5: 2000 in \+ 100 out tokens, \$0\.0075/);
  });

  it('sends unusable answers back with the problem until one applies', async () => {
    server.script(
      { reply: 'I believe the order of operations is wrong.' },
      { reply: PRICING_FIX.replace('const afterVoucher', 'const afterTheVoucher') },
      { reply: PRICING_FIX },
    );
    const r = await fixer.propose(fixContext({ worktree, llm: llm() }));
    expect(r.kind).toBe('edited');
    expect(server.requests).toHaveLength(3);
    const second = server.requests[1]!.json as { messages: { role: string; content: string }[] };
    expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(second.messages[2]!.content).toMatch(/could not be used, and no file was changed:\n- no edit blocks/);
    const third = server.requests[2]!.json as { messages: { role: string; content: string }[] };
    expect(third.messages[4]!.content).toMatch(/edit 1 \(src\/pricing.ts\): the SEARCH text is not in the file/);
  });

  it('gives up after llm.max_repairs and changes nothing', async () => {
    server.script({ reply: 'no idea' }, { reply: '{"unfixable": false, "changes": [{"file": "../outside.ts", "search": "", "replace": "x"}]}' });
    const r = await fixer.propose(fixContext({ worktree, llm: llm({ max_repairs: 1 }) }));
    expect(r.kind).toBe('pass');
    expect(r.kind === 'pass' && r.reason).toMatch(/no usable answer after 2 tries: edit 1 \(\.\.\/outside\.ts\): the path leads outside the repository/);
    expect(await pricing()).toBe(PRICING_BROKEN);
  });

  it('passes on an "unfixable" answer with the model\'s reason', async () => {
    server.script({ reply: '{"unfixable": true, "explanation": "the test contradicts the documented rule", "changes": []}' });
    const r = await fixer.propose(fixContext({ worktree, llm: llm({ answer_format: 'json' }) }));
    expect(r).toMatchObject({ kind: 'unfixable', reason: 'the model says: the test contradicts the documented rule' });
    expect((server.requests[0]!.json as { system: string }).system).toContain('"unfixable": true');
  });

  it('stops at the run budget and says so, without another call', async () => {
    server.script({ reply: 'not an answer' });
    const ctx = fixContext({ worktree, llm: llm({ budget: { per_run: { calls: 1 } } }) });
    const r = await fixer.propose(ctx);
    expect(r).toMatchObject({ kind: 'budget-exhausted', reason: 'model budget spent: 1/1 calls per run (llm.budget.per_run.calls)' });
    // Another cluster in the same run: refused before any request.
    const again = await fixer.propose(fixContext({ worktree, llm: llm({ budget: { per_run: { calls: 1 } } }), runId: ctx.runId, fingerprint: 'fp1:other' }));
    expect(again.kind).toBe('budget-exhausted');
    expect(server.requests).toHaveLength(1);
  });

  it('samples N answers, writes the smallest first and offers the others on the next attempts', async () => {
    const big = PRICING_FIX.replace(
      '  return Math.round(Math.max(0, afterMember - voucher) * 100) / 100;',
      '  // Apply the member discount first.\n  const total = Math.max(0, afterMember - voucher);\n  return Math.round(total * 100) / 100;',
    );
    const wrong = PRICING_FIX.replace('afterMember - voucher', 'afterMember - voucher + 0');
    server.script({ reply: big }, { reply: PRICING_FIX }, { reply: wrong }, );
    const ctx = fixContext({ worktree, llm: llm({ samples: 3, sample_temperature: 0.9 }) });
    const first = await fixer.propose(ctx);
    expect(first.kind === 'edited' && first.summary).toMatch(/4 line\(s\) changed\] \(smallest of 3 samples\)/);
    expect(server.requests.map((r) => (r.json as { temperature: number }).temperature)).toEqual([0.9, 0.9, 0.9]);
    expect(await pricing()).toContain('afterMember - voucher) * 100');
    // The loop resets the worktree and asks again: the next smallest sample, no new request.
    await rm(path.join(worktree, 'src', 'pricing.ts'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(worktree, 'src', 'pricing.ts'), PRICING_BROKEN);
    const second = await fixer.propose({ ...ctx, previousAttempts: [] });
    expect(second.kind === 'edited' && second.summary).toMatch(/next sample, 1 left/);
    expect(second).toMatchObject({ costUsd: 0 });
    expect(server.requests).toHaveLength(3);
  });

  it('falls back to the OpenAI-compatible provider when Anthropic keeps failing', async () => {
    server.script({ status: 529 }, { status: 529 }, { reply: PRICING_FIX });
    const ctx = fixContext({ worktree, llm: llm() });
    const r = await fixer.propose(ctx);
    expect(r.kind === 'edited' && r.summary).toMatch(/^openai\/gpt-5\.5:/);
    expect(server.requests.map((q) => q.path)).toEqual(['/v1/messages', '/v1/messages', '/v1/chat/completions']);
    // Anthropic gets temperature 0 by default; OpenAI's reasoning models accept only their default, so none is sent.
    expect(server.requests[0]!.json).toMatchObject({ temperature: 0 });
    expect(server.requests[2]!.json).not.toHaveProperty('temperature');
    expect(ctx.lines.join('\n')).toMatch(/anthropic: HTTP 529 overloaded_error.*retry 1\/1[\s\S]*anthropic failed: HTTP 529/);
  });

  it('reports providers that cannot be reached as an error of the attempt', async () => {
    server.script({ status: 500 }, { status: 500 }, { status: 400, errorType: 'invalid_request_error', message: 'model not found' });
    await expect(fixer.propose(fixContext({ worktree, llm: llm() }))).rejects.toThrow(/no provider answered: anthropic \(claude-sonnet-5-5\): HTTP 500.*openai \(gpt-5\.5\): HTTP 400/);
  });

  it('does nothing without a chosen provider or without a key', async () => {
    expect(await fixer.propose(fixContext({ worktree, llm: {} }))).toMatchObject({ kind: 'pass', reason: expect.stringMatching(/no model chosen/) });
    const noKey = createLlmFixer({ env: {} });
    expect(await noKey.propose(fixContext({ worktree, llm: llm() }))).toMatchObject({
      kind: 'pass',
      reason: expect.stringMatching(/no model provider available \(anthropic: \$FAKE_ANTHROPIC_KEY is not set; openai: \$FAKE_OPENAI_KEY is not set\)/),
    });
  });

  it('never sends a planted secret from the failure output or the key itself', async () => {
    const planted = 'sk-ant-' + 'api03-' + 'PLANTEDplantedPLANTED0123456789';
    server.script({ reply: PRICING_FIX });
    const events = [pricingEvent(`AssertionError: expected 72 to be 70\nusing key ${planted} and ${env.FAKE_OPENAI_KEY}`)];
    await fixer.propose(fixContext({ worktree, llm: llm(), events }));
    const body = server.requests[0]!.body;
    expect(body).not.toContain(planted);
    expect(body).not.toContain(env.FAKE_OPENAI_KEY);
    expect(body).toContain('[REDACTED:anthropic-key]');
  });
});
