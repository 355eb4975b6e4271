import type { LlmConfig } from './config.js';
import type { Usage } from './providers/types.js';

/**
 * USD per million tokens for models whose published prices were known when this was written (check
 * your vendor's list: prices change). The default models are newer and have no entry: set
 * `llm.prices` for yours to enforce the dollar budget. `llm.prices` adds to and overrides this table.
 */
const BUILTIN_PRICES: Record<string, { input: number; output: number }> = {
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'gpt-4.1': { input: 2, output: 8 },
};

/** The price entry for a model: an exact id, else the longest id it starts with (dated snapshots). */
export function priceFor(model: string, cfg: Pick<LlmConfig, 'prices'>): { input: number; output: number } | undefined {
  const table = { ...BUILTIN_PRICES, ...cfg.prices };
  if (table[model]) return table[model];
  const prefix = Object.keys(table)
    .filter((k) => model.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? table[prefix] : undefined;
}

/** Cost of one call; undefined when the model has no price (then only calls and tokens are budgeted). */
export function costOf(model: string, usage: Usage, cfg: Pick<LlmConfig, 'prices'>): number | undefined {
  const p = priceFor(model, cfg);
  if (!p) return undefined;
  return (usage.inputTokens * p.input + usage.outputTokens * p.output) / 1_000_000;
}
