import type { Store } from '../../store/types.js';
import type { Limits, LlmConfig } from './config.js';
import { costOf } from './prices.js';
import type { Usage } from './providers/types.js';

export interface Spend {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  usd: number;
}

export function noSpend(): Spend {
  return { calls: 0, inputTokens: 0, outputTokens: 0, usd: 0 };
}

/** Without a store, the daily budget counts this process only (kept here, by UTC day and repository). */
const processDay = new Map<string, Spend>();

export interface CallRecord {
  provider: string;
  model: string;
  usage: Usage;
  fingerprint?: string;
  /** A known cost (an agent run whose spending suture cannot see: 0); otherwise priced from the table. */
  usd?: number;
}

/**
 * Model budgets: calls, tokens and dollars per run and per UTC day. Checked before every call (a call
 * that would certainly exceed a limit is not made) and charged after it from the provider's usage.
 */
export class Budget {
  private seq = 0;

  constructor(
    private readonly cfg: LlmConfig,
    /** This run's spend; shared by every fixer call of the run. */
    readonly run: Spend,
    private readonly ctx: { store?: Store; repo: string; runId: string; log: (line: string) => void },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Why no further call may be made (undefined: go ahead). `inputTokens` is the next prompt's estimated size. */
  async refusal(inputTokens = 0): Promise<string | undefined> {
    const run = over('run', this.run, this.cfg.budget.per_run, inputTokens);
    if (run) return run;
    return over('day', await this.today(), this.cfg.budget.per_day, inputTokens);
  }

  /** Charges one answered call; returns its cost in USD (0 when the model has no price). */
  async charge(call: CallRecord): Promise<number> {
    const usd = call.usd ?? costOf(call.model, call.usage, this.cfg);
    if (usd === undefined) this.ctx.log(`no price for model ${call.model} in llm.prices: its calls count against the call and token budgets only`);
    const add = { calls: 1, inputTokens: call.usage.inputTokens, outputTokens: call.usage.outputTokens, usd: usd ?? 0 };
    addTo(this.run, add);
    if (this.ctx.store) {
      await this.ctx.store.recordModelCall({
        id: `${this.ctx.runId}:${call.provider}:${++this.seq}:${Date.now()}`,
        runId: this.ctx.runId,
        repo: this.ctx.repo,
        provider: call.provider,
        model: call.model,
        inputTokens: add.inputTokens,
        outputTokens: add.outputTokens,
        usd: add.usd,
        at: this.now().toISOString(),
        ...(call.fingerprint ? { fingerprint: call.fingerprint } : {}),
      });
    } else {
      addTo(this.processDay(), add);
    }
    return add.usd;
  }

  /** A call that failed without an answer still counts as a call (it bounds retry storms), with no tokens. */
  chargeFailure(): void {
    this.run.calls++;
    if (!this.ctx.store) this.processDay().calls++;
  }

  private async today(): Promise<Spend> {
    if (!this.ctx.store) return this.processDay();
    const d = this.now();
    const since = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())).toISOString();
    return this.ctx.store.spend(since, this.ctx.repo);
  }

  private processDay(): Spend {
    const key = `${this.now().toISOString().slice(0, 10)}|${this.ctx.repo}`;
    let s = processDay.get(key);
    if (!s) processDay.set(key, (s = noSpend()));
    return s;
  }
}

function addTo(s: Spend, add: Spend): void {
  s.calls += add.calls;
  s.inputTokens += add.inputTokens;
  s.outputTokens += add.outputTokens;
  s.usd += add.usd;
}

function over(scope: 'run' | 'day', s: Spend, limits: Limits, nextInputTokens: number): string | undefined {
  const per = scope === 'run' ? 'per run' : 'per day';
  const key = scope === 'run' ? 'per_run' : 'per_day';
  if (limits.calls !== null && s.calls + 1 > limits.calls) return `model budget spent: ${s.calls}/${limits.calls} calls ${per} (llm.budget.${key}.calls)`;
  const tokens = s.inputTokens + s.outputTokens;
  if (limits.tokens !== null && tokens + nextInputTokens > limits.tokens) {
    return `model budget spent: ${tokens} tokens used ${per}, the next prompt (~${nextInputTokens}) would pass ${limits.tokens} (llm.budget.${key}.tokens)`;
  }
  if (limits.usd !== null && s.usd >= limits.usd) return `model budget spent: $${s.usd.toFixed(4)} of $${limits.usd} ${per} (llm.budget.${key}.usd)`;
  return undefined;
}
