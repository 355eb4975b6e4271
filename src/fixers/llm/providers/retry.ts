import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { BadResponseError } from './types.js';

export interface RetryOptions {
  retries: number;
  signal?: AbortSignal;
  /** Longest wait honoured from a retry-after header; a server asking for more is given up on (fallback). */
  maxWaitMs?: number;
  /** Backoff without a retry-after: base * 2^n, capped, with up to 25% jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (info: { attempt: number; waitMs: number; reason: string }) => void;
}

export interface Verdict {
  retry: boolean;
  reason: string;
  /** From retry-after-ms / retry-after (seconds or an HTTP date). */
  retryAfterMs?: number;
}

/** Calls `fn` until it succeeds, retrying what a server or network can cause (429, 5xx, 529, cut connections, broken bodies). */
export async function withRetries<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? err;
      const v = classify(err);
      if (!v.retry || attempt >= opts.retries) throw new ProviderError(v.reason, v.retry, err);
      const backoff = Math.min((opts.baseDelayMs ?? 500) * 2 ** attempt, opts.maxDelayMs ?? 8000) * (1 - Math.random() * 0.25);
      const waitMs = v.retryAfterMs ?? backoff;
      if (waitMs > (opts.maxWaitMs ?? 60_000)) throw new ProviderError(`${v.reason}; the server asks to wait ${Math.round(waitMs / 1000)}s`, true, err);
      opts.onRetry?.({ attempt: attempt + 1, waitMs, reason: v.reason });
      await sleep(waitMs, opts.signal);
    }
  }
}

/** What a provider call failed with, after retries; `transient` says whether trying later (or elsewhere) may help. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    message: string,
    readonly transient: boolean,
    cause: unknown,
  ) {
    super(message, { cause });
  }
}

export function classify(err: unknown): Verdict {
  const e = err as { status?: unknown; headers?: unknown; error?: { type?: string; error?: { type?: string } }; message?: string };
  if (err instanceof Anthropic.APIConnectionError || err instanceof OpenAI.APIConnectionError) {
    return { retry: true, reason: err instanceof Anthropic.APIConnectionTimeoutError || err instanceof OpenAI.APIConnectionTimeoutError ? 'request timed out' : `connection failed (${causeText(err)})` };
  }
  if (err instanceof Anthropic.APIError || err instanceof OpenAI.APIError) {
    const status = typeof e.status === 'number' ? e.status : undefined;
    const type = e.error?.error?.type ?? e.error?.type;
    const what = `${status ?? 'stream error'}${type ? ` ${type}` : ''}: ${shortMessage(err)}`;
    const retryAfterMs = retryAfter(e.headers);
    const retry = status === undefined ? type === 'overloaded_error' || type === 'api_error' : status === 408 || status === 409 || status === 429 || status >= 500;
    return { retry, reason: `HTTP ${what}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (err instanceof BadResponseError || err instanceof SyntaxError) return { retry: true, reason: `unusable response: ${(err as Error).message}` };
  // The SDKs' own errors for broken streams and bodies ("stream ended without...", "Could not parse...").
  if (err instanceof Anthropic.AnthropicError || err instanceof OpenAI.OpenAIError) return { retry: true, reason: `unusable response: ${shortMessage(err)}` };
  return { retry: false, reason: (err as Error)?.message ?? String(err) };
}

function retryAfter(headers: unknown): number | undefined {
  const get = (name: string): string | null => (headers && typeof (headers as Headers).get === 'function' ? (headers as Headers).get(name) : null);
  const ms = Number.parseFloat(get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = get('retry-after');
  if (!raw) return undefined;
  const secs = Number.parseFloat(raw);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function shortMessage(err: Error): string {
  return err.message.split('\n')[0]!.slice(0, 300);
}

function causeText(err: Error): string {
  const c = err.cause as { code?: string; message?: string } | undefined;
  return c?.code ?? c?.message ?? err.message;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
