import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/load.js';
import { providerOrder } from './providers/index.js';
import { providerKey, resolveProvider } from './providers/resolve.js';

describe('llm: section of suture.yml', () => {
  it('calls no model by default', () => {
    const c = parseConfig('', 'suture.yml').llm;
    expect(c.provider).toBe('none');
    expect(providerOrder(c)).toEqual(['openai']);
    expect(c.budget.per_run).toEqual({ calls: 30, tokens: 1_500_000, usd: 5 });
  });

  it('fills built-in providers field by field and defines new ones', () => {
    const c = parseConfig(
      ['llm:', '  provider: local', '  providers:', '    anthropic: { model: my-claude, timeout_seconds: 30 }', '    local: { type: openai, model: qwen, base_url: "http://localhost:11434/v1", api_key_env: null }'].join('\n'),
      'suture.yml',
    ).llm;
    expect(resolveProvider('anthropic', c)).toMatchObject({ type: 'anthropic', model: 'my-claude', baseUrl: 'https://api.anthropic.com', apiKeyEnv: 'ANTHROPIC_API_KEY', timeoutMs: 30_000, temperature: 0 });
    const local = resolveProvider('local', c);
    expect(local).toMatchObject({ type: 'openai', model: 'qwen', baseUrl: 'http://localhost:11434/v1', apiKeyEnv: null });
    expect(local).not.toHaveProperty('temperature');
    expect(providerKey(local, {})).toBe('no-key');
    expect(providerOrder(c)).toEqual(['local', 'openai']);
  });

  it('says what is missing', () => {
    const c = parseConfig('llm:\n  providers:\n    half: { model: x }\n', 'suture.yml').llm;
    expect(() => resolveProvider('half', c)).toThrow(/llm provider 'half' is not defined completely \(needs type and model\)/);
    expect(() => resolveProvider('nope', c)).toThrow(/llm provider 'nope' is not defined/);
    expect(() => parseConfig('llm:\n  providers:\n    x: { type: openai, model: m, base_url: "not a url" }\n', 'suture.yml')).toThrow(/suture.yml:3: llm.providers.x.base_url/);
    expect(() => parseConfig('llm:\n  samples: 9\n', 'suture.yml')).toThrow(/llm.samples/);
  });
});
