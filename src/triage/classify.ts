import type { FailureEvent } from '../events/index.js';
import type { CustomPattern } from './config.js';
import { features } from './model/features.js';
import { logits, softmax } from './model/logreg.js';
import type { LoadedHead, LoadedModel } from './model/model-file.js';
import { applyRules, builtinRules, type RuleHit, type Signal } from './rules/index.js';
import { signalOf } from './signal.js';
import { ruleStage } from './stage.js';
import { explain, isCategory, isStage, type Category, type Stage } from './taxonomy.js';

export interface Classification {
  stage: Stage;
  category: Category;
  /** Calibrated probability that `category` is right (measured rule precision, or the model's calibrated probability). */
  confidence: number;
  rootCause: string;
  suggestedFix: string;
  source: 'rule' | 'model';
  /** The rule that decided, for rules (e.g. "code:typescript", "custom:my-pattern"). */
  rule?: string;
  /** Whether the stage came from a rule (tool, wording, CI step) or the model. */
  stageSource: 'rule' | 'model';
}

/** Confidence given to a built-in rule when no model (and so no measured precision) is available. */
const UNMEASURED_RULE_CONFIDENCE = 0.8;
const CACHE_MAX = 20_000;

/** Hits and misses of the classification cache (for the benchmark's report). */
export const cacheStats = { hits: 0, misses: 0 };

/**
 * The text as the cache sees it: source positions and durations, which change on every run and decide
 * nothing, are collapsed, so the same failure re-reported with new line numbers and timings is a hit.
 */
function cacheText(text: string): string {
  if (!/\d/.test(text)) return text;
  return text
    .replace(/:\d+(?::\d+)?\b/g, ':#')
    .replace(/\(\d+,\d+\)/g, '(#)')
    .replace(/\b\d+(?:\.\d+)? ?(?:ms|s|sec|seconds)\b/g, '#ms')
    .replace(/\b0x[0-9a-f]+\b/gi, '0x#');
}

interface CompiledPattern {
  p: CustomPattern;
  re: RegExp;
}

function predict(head: LoadedHead, x: number[]): { label: string; p: number } {
  const probs = softmax(logits(head.model, x), head.temperature);
  let best = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i]! > probs[best]!) best = i;
  return { label: head.classes[best]!, p: probs[best]! };
}

/**
 * Rules first (user patterns, then the built-in tables and patterns), the trained model for the rest.
 * Results are cached by the parts of the event the decision depends on, so a run with thousands of
 * identical failures classifies each distinct one once.
 */
export class Classifier {
  readonly #model: LoadedModel | null;
  readonly #custom: CompiledPattern[];
  readonly #cache = new Map<string, Classification>();

  constructor(model: LoadedModel | null, custom: CustomPattern[] = []) {
    this.#model = model;
    this.#custom = [...custom, ...(model?.file.custom ?? [])].map((p) => ({ p, re: new RegExp(p.pattern, p.flags) }));
  }

  get model(): LoadedModel | null {
    return this.#model;
  }

  classify(ev: FailureEvent): Classification {
    return this.classifySignal(signalOf(ev));
  }

  classifySignal(s: Signal): Classification {
    const key = `${s.framework}\u0000${s.kind}\u0000${s.status}\u0000${s.errorClass ?? ''}\u0000${s.errorCode ?? ''}\u0000${s.step ?? ''}\u0000${s.flaky ? `${s.flaky.failures}/${s.flaky.passes}` : ''}\u0000${cacheText(s.text)}`;
    const hit = this.#cache.get(key);
    if (hit) {
      cacheStats.hits++;
      return hit;
    }
    cacheStats.misses++;
    const c = this.#decide(s);
    if (this.#cache.size >= CACHE_MAX) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(key, c);
    return c;
  }

  /** The rule that would decide this signal, if any (for evaluation and `--explain`). */
  ruleFor(s: Signal): RuleHit | undefined {
    for (const { p, re } of this.#custom) if (re.test(s.text)) return { rule: `custom:${p.id ?? p.pattern}`, category: p.category, ...(p.stage ? { stage: p.stage } : {}) };
    return applyRules(builtinRules, s, s.text.toLowerCase());
  }

  #ruleConfidence(rule: string): number {
    const stats = this.#model?.file.rules[rule];
    if (stats) return stats.confidence;
    const custom = this.#custom.find(({ p }) => `custom:${p.id ?? p.pattern}` === rule);
    if (custom) return custom.p.confidence;
    return this.#model?.file.ruleDefault ?? UNMEASURED_RULE_CONFIDENCE;
  }

  #decide(s: Signal): Classification {
    const hit = this.ruleFor(s);
    let x: number[] | undefined;
    const vector = (): number[] => {
      if (x) return x;
      x = [];
      const index = this.#model!.index;
      for (const f of features(s)) {
        const i = index.get(f);
        if (i !== undefined) x.push(i);
      }
      return x;
    };

    let category: Category = 'unknown';
    let confidence = 0;
    let source: Classification['source'] = 'model';
    if (hit) {
      category = hit.category;
      confidence = this.#ruleConfidence(hit.rule);
      source = 'rule';
    } else if (this.#model) {
      const p = predict(this.#model.category, vector());
      if (isCategory(p.label)) {
        category = p.label;
        confidence = p.p;
      }
    }

    let stage: Stage | undefined = ruleStage(s, hit ? category : undefined, hit?.stage);
    let stageSource: Classification['stageSource'] = 'rule';
    if (stage === undefined) {
      stageSource = 'model';
      const p = this.#model ? predict(this.#model.stage, vector()) : undefined;
      stage = p && isStage(p.label) ? p.label : 'unknown';
    }

    const customText = hit?.rule.startsWith('custom:') ? this.#custom.find(({ p }) => `custom:${p.id ?? p.pattern}` === hit.rule)?.p : undefined;
    const e = explain(stage, category);
    const out: Classification = {
      stage,
      category,
      confidence: Number(confidence.toFixed(4)),
      rootCause: customText?.rootCause ?? e.rootCause,
      suggestedFix: customText?.suggestedFix ?? e.suggestedFix,
      source,
      stageSource,
    };
    if (hit) out.rule = hit.rule;
    return out;
  }
}
