import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { FailureEvent } from '../../events/index.js';
import type { Fixer, FixContext, FixResult } from '../types.js';
import { applyToText, dedupeEdits, pinSuggestion, type PinnedEdit } from './plan.js';
import { goSource } from './go.js';
import { historySource } from './history.js';
import { modulePathSource } from './module-path.js';
import { pythonSource } from './python.js';
import { rustSource } from './rust.js';
import type { SuggestEnv, SuggestionSource } from './types.js';
import { typescriptSource } from './typescript.js';

/** Every source of suggestions; an event is handled by the first that recognizes it. */
export const suggestionSources: SuggestionSource[] = [typescriptSource, pythonSource, rustSource, goSource, modulePathSource];

function sourceFor(event: FailureEvent): SuggestionSource | undefined {
  return suggestionSources.find((s) => s.recognizes(event));
}

/**
 * Applies a compiler's or runtime's own "did you mean" at the reported position: the exact token is
 * replaced, nothing else. Stale positions, conflicting suggestions and ambiguous lines are refused.
 * When the language has no suggestion, a rename of the name's declaration in the recent history
 * (history.ts) is one: the stale use gets the new name.
 */
export const didYouMeanFixer: Fixer = {
  id: 'did-you-mean',
  cost: 'free',
  appliesTo: (_cluster, events) => events.some((e) => sourceFor(e) !== undefined || historySource.recognizes(e)),
  async propose(ctx: FixContext): Promise<FixResult> {
    const env: SuggestEnv = { worktree: ctx.worktree, signal: ctx.signal, log: ctx.log, memo: new Map() };
    const refused: string[] = [];
    const pinned: PinnedEdit[] = [];
    const cache = new Map<string, string>();
    const read = (abs: string): string => {
      if (!cache.has(abs)) cache.set(abs, readFileSync(abs, 'utf8'));
      return cache.get(abs)!;
    };
    for (const event of ctx.events) {
      const source = sourceFor(event);
      let out = source ? await source.suggest(event, env) : undefined;
      // No suggestion from the language itself: maybe the project's history renamed the name.
      if ((!out || 'refused' in out) && historySource.recognizes(event)) {
        const renamed = await historySource.suggest(event, env);
        if (renamed && ('suggestion' in renamed || !out)) out = renamed;
      }
      if (!out) continue;
      if ('refused' in out) {
        refused.push(out.refused);
        continue;
      }
      const p = pinSuggestion(out.suggestion, read);
      if (p.ok) pinned.push(p.edit);
      else refused.push(p.reason);
    }
    const { edits, refused: conflicts } = dedupeEdits(pinned);
    refused.push(...conflicts);
    const done: string[] = [];
    for (const [abs, fileEdits] of groupByFile(edits)) {
      const r = applyToText(read(abs), fileEdits);
      refused.push(...r.refused);
      if (r.applied.length === 0) continue;
      await writeFile(abs, r.text);
      for (const e of r.applied) done.push(`${e.file}:${e.line}: '${e.suggestion.from}' -> '${e.suggestion.to}' (${e.suggestion.source})`);
    }
    for (const r of refused) ctx.log(`did-you-mean: refused ${r}`);
    if (done.length > 0) {
      const note = refused.length > 0 ? `; refused: ${unique(refused).join('; ')}` : '';
      return { kind: 'edited', summary: `applied the tool's own suggestion: ${done.join(', ')}${note}` };
    }
    if (refused.length > 0) return { kind: 'unfixable', reason: unique(refused).join('; ') };
    return { kind: 'pass', reason: 'no compiler or runtime suggestion in this failure' };
  },
};

function groupByFile(edits: PinnedEdit[]): Map<string, PinnedEdit[]> {
  const m = new Map<string, PinnedEdit[]>();
  for (const e of edits) m.set(e.abs, [...(m.get(e.abs) ?? []), e]);
  return m;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

export default didYouMeanFixer;
