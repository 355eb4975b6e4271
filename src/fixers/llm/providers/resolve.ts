import { ConfigError } from '../../../errors.js';
import type { LlmConfig, ProviderConfigInput } from '../config.js';
import type { ResolvedProvider } from './types.js';

/** Built-in endpoints; suture.yml entries of the same name override field by field. */
const BUILTIN: Record<string, Required<Pick<ProviderConfigInput, 'type' | 'model' | 'base_url' | 'api_key_env'>>> = {
  anthropic: { type: 'anthropic', model: 'claude-sonnet-5-5', base_url: 'https://api.anthropic.com', api_key_env: 'ANTHROPIC_API_KEY' },
  openai: { type: 'openai', model: 'gpt-5.5', base_url: 'https://api.openai.com/v1', api_key_env: 'OPENAI_API_KEY' },
};

export const PROVIDER_NAMES_BUILTIN = Object.keys(BUILTIN);

/** The provider called `name` with defaults filled in; a clear config error when it is not defined. */
export function resolveProvider(name: string, cfg: LlmConfig): ResolvedProvider {
  const user = cfg.providers[name] ?? {};
  const base = BUILTIN[name];
  const type = user.type ?? base?.type;
  const model = user.model ?? base?.model;
  if (!type || !model) {
    const known = [...new Set([...PROVIDER_NAMES_BUILTIN, ...Object.keys(cfg.providers)])].join(', ');
    throw new ConfigError(`llm provider '${name}' is not defined${base || cfg.providers[name] ? ' completely (needs type and model)' : ''}`, {
      code: 'E_LLM_PROVIDER',
      hint: `Known providers: ${known}. Define others under llm.providers.<name> with type (anthropic | openai), model and base_url.`,
    });
  }
  const baseUrl = user.base_url ?? base?.base_url ?? (type === 'anthropic' ? BUILTIN.anthropic!.base_url : undefined);
  if (!baseUrl) {
    throw new ConfigError(`llm provider '${name}' needs base_url`, { code: 'E_LLM_PROVIDER', hint: 'Set llm.providers.' + name + '.base_url (e.g. http://localhost:11434/v1 for Ollama).' });
  }
  return {
    name,
    type,
    model,
    baseUrl,
    apiKeyEnv: user.api_key_env === undefined ? (base?.api_key_env ?? null) : user.api_key_env,
    timeoutMs: (user.timeout_seconds ?? 180) * 1000,
    maxRetries: user.max_retries ?? 3,
    maxTokens: user.max_tokens ?? 8192,
    // OpenAI's reasoning models accept only their default temperature: sent only when configured.
    ...(user.temperature !== undefined ? { temperature: user.temperature } : type === 'anthropic' ? { temperature: 0 } : {}),
    stream: user.stream ?? false,
  };
}

/** The API key from the named variable; undefined when it is unset (null env name: a local server, no key). */
export function providerKey(p: ResolvedProvider, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (p.apiKeyEnv === null) return 'no-key';
  const v = env[p.apiKeyEnv];
  return v && v.trim() !== '' ? v.trim() : undefined;
}
