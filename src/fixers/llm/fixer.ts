import type { Cluster } from '../../events/index.js';
import { redact } from '../../secrets/registry.js';
import type { Fixer, FixContext, FixResult } from '../types.js';
import { planEdits, writePlan, type Plan } from './answer/apply.js';
import { parseAnswer } from './answer/parse.js';
import { AnswerError, type Edit } from './answer/types.js';
import { Budget } from './budget.js';
import { promptFor, repairMessage, type AnswerStyle, type Prompt } from './prompt/index.js';
import { ProviderError, type RetryOptions } from './providers/retry.js';
import { createChain, type ProviderChain } from './providers/index.js';
import { estimateTokens, type ChatMessage } from './providers/types.js';
import { runState, type RunState, type Sample } from './run-state.js';

export interface LlmFixerOptions {
  /** Where API keys are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Backoff settings (tests shorten the waits). */
  retry?: Omit<RetryOptions, 'retries' | 'signal' | 'onRetry'>;
}

type Outcome =
  | { kind: 'plan'; plan: Plan; edits: Edit[]; explanation: string; provider: string; model: string }
  | { kind: 'unfixable'; reason: string }
  | { kind: 'unusable'; reason: string }
  | { kind: 'budget'; reason: string }
  | { kind: 'provider-failed'; reason: string };

/**
 * The model-backed fixer: a prompt built from the cluster, one conversation per sample with the
 * provider chain (answers that do not parse or apply go back with the error), the smallest usable
 * candidate written to the worktree; the other samples wait for the loop's next attempts.
 */
export function createLlmFixer(opts: LlmFixerOptions = {}): Fixer {
  return {
    id: 'llm',
    cost: 'model',
    appliesTo: (cluster: Cluster) => !cluster.flaky && !cluster.infrastructure,
    async propose(ctx: FixContext): Promise<FixResult> {
      const cfg = ctx.config.llm;
      if (cfg.provider === 'none' || cfg.provider === 'agent') {
        return { kind: 'pass', reason: cfg.provider === 'none' ? 'no model chosen (set llm.provider or pass --provider anthropic|openai)' : 'llm.provider is agent' };
      }
      const log = (line: string) => ctx.log(redact(line));
      const state = runState(ctx.runId);

      const fromSample = await nextSample(ctx, state, log);
      if (fromSample) return fromSample;

      if (!state.chain && !state.chainMissing) {
        const made = createChain(cfg, opts.env ?? process.env, log, opts.retry);
        if (made.chain) state.chain = made.chain;
        else state.chainMissing = made.missing;
      }
      if (!state.chain) {
        return { kind: 'pass', reason: `no model provider available (${state.chainMissing!.join('; ')}); set the key or choose a provider in llm.provider` };
      }
      const budget = new Budget(cfg, state.spend, { ...(ctx.store ? { store: ctx.store } : {}), repo: ctx.repo, runId: ctx.runId, log });
      const style: AnswerStyle = cfg.answer_format;
      const prompt = await promptFor(ctx, style, cfg.max_prompt_chars);
      log(`prompt: ${prompt.system.length + prompt.user.length} characters for ${state.chain.names.join(' -> ')}`);

      let cost = 0;
      const outcomes: Outcome[] = [];
      for (let s = 0; s < cfg.samples; s++) {
        const o = await converse(ctx, state.chain, budget, prompt, style, cfg.samples > 1 ? cfg.sample_temperature : undefined, log, (usd) => (cost += usd));
        outcomes.push(o);
        if (o.kind === 'budget' || o.kind === 'provider-failed') break;
      }
      const costUsd = { costUsd: cost };
      const plans = dedupe(outcomes.filter((o): o is Extract<Outcome, { kind: 'plan' }> => o.kind === 'plan')).sort((a, b) => a.plan.size - b.plan.size);
      if (plans.length > 0) {
        const [best, ...rest] = plans;
        if (rest.length > 0) state.samples.set(ctx.cluster.fingerprint, rest.map((p) => ({ edits: p.edits, explanation: p.explanation, size: p.plan.size, provider: p.provider, model: p.model })));
        await writePlan(best!.plan);
        const of = plans.length > 1 ? ` (smallest of ${plans.length} samples)` : '';
        return { kind: 'edited', summary: summary(best!.provider, best!.model, best!.explanation, best!.plan) + of, ...costUsd };
      }
      const pick = (k: Outcome['kind']) => outcomes.find((o) => o.kind === k) as { reason: string } | undefined;
      const unfixable = pick('unfixable');
      if (unfixable) return { kind: 'unfixable', reason: `the model says: ${unfixable.reason}`, ...costUsd };
      const spent = pick('budget');
      if (spent) return { kind: 'budget-exhausted', reason: spent.reason, ...costUsd };
      const unusable = pick('unusable');
      if (unusable) return { kind: 'pass', reason: unusable.reason, ...costUsd };
      throw new Error(pick('provider-failed')?.reason ?? 'no answer');
    },
  };
}

/** One conversation: ask, then give unusable answers back with the problem, up to llm.max_repairs times. */
async function converse(
  ctx: FixContext,
  chain: ProviderChain,
  budget: Budget,
  prompt: Prompt,
  style: AnswerStyle,
  temperature: number | undefined,
  log: (line: string) => void,
  addCost: (usd: number) => void,
): Promise<Outcome> {
  const maxRepairs = ctx.config.llm.max_repairs;
  const messages: ChatMessage[] = [{ role: 'user', content: prompt.user }];
  let lastProblems: string[] = [];
  for (let round = 0; round <= maxRepairs; round++) {
    const size = estimateTokens(prompt.system) + messages.reduce((n, m) => n + estimateTokens(m.content), 0);
    const refusal = await budget.refusal(size);
    if (refusal) return { kind: 'budget', reason: refusal };
    let answer;
    try {
      answer = await chain.complete({ system: prompt.system, messages, ...(temperature !== undefined ? { temperature } : {}), signal: ctx.signal }, log);
    } catch (err) {
      ctx.signal.throwIfAborted();
      budget.chargeFailure();
      if (err instanceof ProviderError) return { kind: 'provider-failed', reason: err.message };
      throw err;
    }
    const { response, provider } = answer;
    const usd = await budget.charge({ provider: provider.name, model: response.model, usage: response.usage, fingerprint: ctx.cluster.fingerprint });
    addCost(usd);
    log(`${provider.name} ${response.model}: ${response.usage.inputTokens} in + ${response.usage.outputTokens} out tokens${response.usage.estimated ? ' (estimated)' : ''}, $${usd.toFixed(4)}${response.stopReason ? `, stop: ${response.stopReason}` : ''}`);
    try {
      const parsed = parseAnswer(response.text);
      if (parsed.kind === 'unfixable') return { kind: 'unfixable', reason: parsed.explanation };
      const plan = await planEdits(ctx.worktree, parsed.edits);
      return { kind: 'plan', plan, edits: parsed.edits, explanation: parsed.explanation, provider: provider.name, model: response.model };
    } catch (err) {
      if (!(err instanceof AnswerError)) throw err;
      lastProblems = [...err.problems];
      if (response.stopReason === 'max_tokens' || response.stopReason === 'length') lastProblems.push('the answer hit the output token limit: keep it shorter');
      log(`answer unusable (round ${round + 1}): ${lastProblems.join('; ')}`);
      messages.push({ role: 'assistant', content: redact(response.text) }, { role: 'user', content: repairMessage(lastProblems, style) });
    }
  }
  return { kind: 'unusable', reason: `no usable answer after ${maxRepairs + 1} tries: ${lastProblems.join('; ')}` };
}

/** A sample kept from an earlier sampling round, if one still applies to the (reset) worktree. */
async function nextSample(ctx: FixContext, state: RunState, log: (line: string) => void): Promise<FixResult | undefined> {
  const queue = state.samples.get(ctx.cluster.fingerprint);
  while (queue && queue.length > 0) {
    const s: Sample = queue.shift()!;
    try {
      const plan = await planEdits(ctx.worktree, s.edits);
      await writePlan(plan);
      return { kind: 'edited', summary: `${summary(s.provider, s.model, s.explanation, plan)} (next sample, ${queue.length} left)`, costUsd: 0 };
    } catch (err) {
      if (!(err instanceof AnswerError)) throw err;
      log(`kept sample no longer applies: ${err.message}`);
    }
  }
  return undefined;
}

function dedupe<T extends { plan: Plan }>(plans: T[]): T[] {
  const seen = new Set<string>();
  return plans.filter((p) => {
    const key = p.plan.files.map((f) => `${f.path}\0${f.after}`).join('\0\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function summary(provider: string, model: string, explanation: string, plan: Plan): string {
  const why = explanation.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 240) ?? 'edits';
  return redact(`${provider}/${model}: ${why} [${plan.files.map((f) => f.path).join(', ')}; ${plan.size} line(s) changed]`);
}
