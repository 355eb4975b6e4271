import { ProviderError, withRetries, type RetryOptions } from './retry.js';
import type { ChatProvider, ChatRequest, ChatResponse } from './types.js';

export interface ChainEntry {
  provider: ChatProvider;
  retries: number;
}

/**
 * The configured provider, then its fallback. A provider that fails for good (bad key, unknown model,
 * retries spent on a transient error) hands the call to the next one; one that failed permanently is
 * not asked again in this run.
 */
export class ProviderChain {
  private readonly broken = new Set<string>();

  constructor(
    readonly entries: ChainEntry[],
    private readonly retry: Omit<RetryOptions, 'retries' | 'signal' | 'onRetry'> = {},
  ) {}

  get names(): string[] {
    return this.entries.map((e) => e.provider.name);
  }

  async complete(req: ChatRequest, log: (line: string) => void): Promise<{ response: ChatResponse; provider: ChatProvider; failures: number }> {
    const errors: string[] = [];
    for (const { provider, retries } of this.entries) {
      if (this.broken.has(provider.name)) continue;
      try {
        const response = await withRetries(() => provider.complete(req), {
          ...this.retry,
          retries,
          ...(req.signal ? { signal: req.signal } : {}),
          onRetry: ({ attempt, waitMs, reason }) => log(`${provider.name}: ${reason}; retry ${attempt}/${retries} in ${(waitMs / 1000).toFixed(1)}s`),
        });
        return { response, provider, failures: errors.length };
      } catch (err) {
        req.signal?.throwIfAborted();
        const transient = err instanceof ProviderError && err.transient;
        if (!transient) this.broken.add(provider.name);
        errors.push(`${provider.name} (${provider.model}): ${(err as Error).message}`);
        log(`${provider.name} failed: ${(err as Error).message}`);
      }
    }
    throw new ProviderError(errors.length > 0 ? `no provider answered: ${errors.join('; ')}` : 'every provider failed earlier in this run', false, undefined);
  }
}
