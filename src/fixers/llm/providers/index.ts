import { registerSecrets } from '../../../secrets/registry.js';
import type { LlmConfig } from '../config.js';
import { anthropicProvider } from './anthropic.js';
import { ProviderChain, type ChainEntry } from './chain.js';
import { openaiProvider } from './openai.js';
import { providerKey, resolveProvider } from './resolve.js';
import type { ChatProvider, ResolvedProvider } from './types.js';

/** `fetchImpl` replaces the SDK's fetch (tests only: to see the request an official host would get). */
export function createProvider(p: ResolvedProvider, apiKey: string, fetchImpl?: typeof fetch): ChatProvider {
  return p.type === 'anthropic' ? anthropicProvider(p, apiKey, fetchImpl) : openaiProvider(p, apiKey, fetchImpl);
}

/** Provider names the llm fixer asks, in order: `llm.provider`, then `llm.fallback`. */
export function providerOrder(cfg: LlmConfig): string[] {
  const names = [cfg.provider, cfg.fallback].filter((n): n is string => !!n && n !== 'none' && n !== 'agent');
  return [...new Set(names)];
}

/**
 * The chain of providers that have a key. Keys are read from the named variables and registered with
 * the redactor at once, so a key can never be echoed into a prompt, report or log.
 */
export function createChain(
  cfg: LlmConfig,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  retry?: ConstructorParameters<typeof ProviderChain>[1],
): { chain?: ProviderChain; missing: string[] } {
  const entries: ChainEntry[] = [];
  const missing: string[] = [];
  for (const name of providerOrder(cfg)) {
    const p = resolveProvider(name, cfg);
    const key = providerKey(p, env);
    if (!key) {
      missing.push(`${name}: $${p.apiKeyEnv} is not set`);
      continue;
    }
    if (p.apiKeyEnv) registerSecrets([key], `env:${p.apiKeyEnv}`);
    entries.push({ provider: createProvider(p, key), retries: p.maxRetries });
  }
  if (missing.length > 0 && entries.length > 0) log(`skipping ${missing.join('; ')}`);
  return { ...(entries.length > 0 ? { chain: new ProviderChain(entries, retry) } : {}), missing };
}

export type { ChatProvider, ChatRequest, ChatResponse, ResolvedProvider, Usage } from './types.js';
export { resolveProvider, providerKey } from './resolve.js';
export { ProviderChain } from './chain.js';
export { ProviderError, withRetries, classify } from './retry.js';
