import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../fakes/model-server.js';
import { ProviderChain } from '../../src/fixers/llm/providers/chain.js';
import { createProvider } from '../../src/fixers/llm/providers/index.js';
import { ProviderError, withRetries } from '../../src/fixers/llm/providers/retry.js';
import type { ChatProvider, ResolvedProvider } from '../../src/fixers/llm/providers/types.js';

let server: FakeModelServer;
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});
afterEach(() => {
  // Every scripted reply must have been asked for: a leftover means a request never arrived.
  expect(server.pending()).toBe(0);
});

const KEY = 'test-key-not-a-secret-123';

function provider(type: 'anthropic' | 'openai', over: Partial<ResolvedProvider> = {}): ChatProvider {
  return createProvider(
    {
      name: type, type, model: `${type}-model`, baseUrl: type === 'anthropic' ? server.url : `${server.url}/v1`, apiKeyEnv: 'X',
      timeoutMs: 5000, maxRetries: 3, maxTokens: 1024, temperature: 0, stream: false, ...over,
    },
    KEY,
  );
}

const waits: number[] = [];
const sleep = async (ms: number) => void waits.push(ms);
const ask = (p: ChatProvider, retries = 3) => withRetries(() => p.complete({ system: 'sys', messages: [{ role: 'user', content: 'hello' }] }), { retries, sleep, baseDelayMs: 100 });

describe.each(['anthropic', 'openai'] as const)('%s through the official SDK', (type) => {
  beforeEach(() => {
    waits.length = 0;
  });

  it('sends the system prompt, messages, model and key, and reads text and usage', async () => {
    server.script({ reply: 'the answer', usage: { input: 321, output: 45 } });
    const r = await ask(provider(type));
    expect(r).toMatchObject({ text: 'the answer', usage: { inputTokens: 321, outputTokens: 45 } });
    const req = server.requests[0]!;
    expect(req.json?.model).toBe(`${type}-model`);
    if (type === 'anthropic') {
      expect(req.path).toBe('/v1/messages');
      // The SDK version decides the auth header (x-api-key or a bearer token); the key must be in one.
      expect([req.headers['x-api-key'], req.headers.authorization]).toContain(req.headers['x-api-key'] ? KEY : `Bearer ${KEY}`);
      expect(req.json).toMatchObject({ system: 'sys', max_tokens: 1024, messages: [{ role: 'user', content: 'hello' }] });
    } else {
      expect(req.path).toBe('/v1/chat/completions');
      expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
      // Not api.openai.com: the compatible-server parameter name.
      expect(req.json).toMatchObject({ max_tokens: 1024, messages: [{ role: 'system', content: 'sys' }, { role: 'user', content: 'hello' }] });
    }
  });

  it('streams the answer when configured', async () => {
    const long = 'x'.repeat(150) + ' streamed answer';
    server.script({ reply: long, usage: { input: 12, output: 34 } });
    const r = await ask(provider(type, { stream: true }));
    expect(r.text).toBe(long);
    expect(r.usage).toEqual({ inputTokens: 12, outputTokens: 34 });
    expect(server.requests[0]!.json?.stream).toBe(true);
  });

  it('waits what retry-after says on 429, then succeeds', async () => {
    server.script({ status: 429, headers: { 'retry-after': '2' } }, { reply: 'ok' });
    expect((await ask(provider(type))).text).toBe('ok');
    expect(waits).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  it('honours retry-after-ms and HTTP-date retry-after', async () => {
    server.script({ status: 429, headers: { 'retry-after-ms': '150' } }, { status: 429, headers: { 'retry-after': new Date(Date.now() + 3000).toUTCString() } }, { reply: 'ok' });
    expect((await ask(provider(type))).text).toBe('ok');
    expect(waits[0]).toBe(150);
    expect(waits[1]).toBeGreaterThan(1000);
    expect(waits[1]).toBeLessThanOrEqual(3000);
  });

  it('backs off exponentially on 500 and 529 overloaded', async () => {
    server.script({ status: 500 }, { status: 529 }, { status: 503 }, { reply: 'ok' });
    expect((await ask(provider(type))).text).toBe('ok');
    expect(waits).toHaveLength(3);
    // base 100ms * 2^n with up to 25% jitter
    expect(waits[0]).toBeGreaterThanOrEqual(75);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[2]).toBeGreaterThanOrEqual(300);
    expect(waits[2]).toBeLessThanOrEqual(400);
  });

  it('gives up after the configured retries with the last error', async () => {
    server.script({ status: 529 }, { status: 529 });
    const err = await ask(provider(type), 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).message).toMatch(/HTTP 529/);
    expect((err as ProviderError).transient).toBe(true);
  });

  it('does not wait for a retry-after beyond the cap', async () => {
    server.script({ status: 429, headers: { 'retry-after': '3600' } });
    const err = await ask(provider(type)).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/asks to wait 3600s/);
    expect(waits).toEqual([]);
  });

  it('does not retry a bad key', async () => {
    server.script({ status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' });
    const err = await ask(provider(type)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).transient).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a malformed and a truncated JSON body', async () => {
    server.script({ raw: '{this is not json' }, { raw: '{"id":"x","type":"message","content":[{"type":"te' }, { reply: 'ok' });
    expect((await ask(provider(type))).text).toBe('ok');
    expect(server.requests).toHaveLength(3);
  });

  it('retries a stream cut off mid-answer', async () => {
    server.script({ cutStream: 'partial answer that never finishes '.repeat(5) }, { reply: 'whole answer' });
    expect((await ask(provider(type, { stream: true }))).text).toBe('whole answer');
    expect(server.requests).toHaveLength(2);
  });
});

describe('provider specifics', () => {
  it('anthropic: retries an overloaded error sent inside the stream', async () => {
    waits.length = 0;
    server.script({ streamError: 'overloaded_error', partial: 'half' }, { reply: 'ok' });
    expect((await ask(provider('anthropic', { stream: true }))).text).toBe('ok');
    expect(waits).toHaveLength(1);
  });

  it('openai: estimates usage (and says so) when a compatible server sends none', async () => {
    server.script({ reply: 'abcd'.repeat(10), omitUsage: true });
    const r = await ask(provider('openai'));
    expect(r.usage).toMatchObject({ outputTokens: 10, estimated: true });
    expect(r.usage.inputTokens).toBeGreaterThan(0);
  });

  it('openai: asks api.openai.com for max_completion_tokens', async () => {
    // Only the request shape is checked: the SDK is pointed at the fake through a custom fetch.
    const toFake = ((url: string | URL | Request, init?: RequestInit) => fetch(String(url).replace('https://api.openai.com', server.url), init)) as typeof fetch;
    const p = createProvider(
      { name: 'openai', type: 'openai', model: 'm', baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'X', timeoutMs: 5000, maxRetries: 0, maxTokens: 777, temperature: 0, stream: false },
      KEY,
      toFake,
    );
    server.script({ reply: 'ok' });
    await p.complete({ system: 's', messages: [{ role: 'user', content: 'u' }] });
    expect(server.requests[0]!.json).toMatchObject({ max_completion_tokens: 777 });
    expect(server.requests[0]!.json).not.toHaveProperty('max_tokens');
  });

  it('falls back to the next provider when the first fails for good, and stops asking the broken one', async () => {
    const chain = new ProviderChain([{ provider: provider('anthropic'), retries: 2 }, { provider: provider('openai'), retries: 2 }], { sleep });
    const lines: string[] = [];
    server.script({ status: 401, errorType: 'authentication_error' }, { reply: 'from openai' }, { reply: 'again from openai' });
    const first = await chain.complete({ system: 's', messages: [{ role: 'user', content: 'u' }] }, (l) => lines.push(l));
    expect(first.provider.name).toBe('openai');
    expect(first.response.text).toBe('from openai');
    expect(lines.join('\n')).toMatch(/anthropic failed: HTTP 401/);
    const second = await chain.complete({ system: 's', messages: [{ role: 'user', content: 'u' }] }, () => {});
    expect(second.response.text).toBe('again from openai');
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/messages', '/v1/chat/completions', '/v1/chat/completions']);
  });
});
