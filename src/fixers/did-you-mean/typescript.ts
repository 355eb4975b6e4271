import type { FailureEvent } from '../../events/index.js';
import { eventLocations } from '../shared/locations.js';
import type { TokenRole } from '../shared/token-edit.js';
import type { Suggestion, SuggestionSource, SuggestOutcome, SuggestEnv } from './types.js';

interface TsPattern {
  code: string;
  re: RegExp;
  role: TokenRole | 'import';
  to?: (m: RegExpExecArray) => string;
}

/** TypeScript diagnostics that carry the checker's own spelling suggestion (checker.ts, getSpellingSuggestion). */
const PATTERNS: TsPattern[] = [
  { code: 'TS2551', re: /Property '([^']+)' does not exist on type '[\s\S]*?'\. Did you mean '([^']+)'\?/, role: 'member' },
  { code: 'TS2568', re: /Property '([^']+)' may not exist on type '[\s\S]*?'\. Did you mean '([^']+)'\?/, role: 'member' },
  { code: 'TS2552', re: /Cannot find name '([^']+)'\. Did you mean '([^']+)'\?/, role: 'name' },
  { code: 'TS2833', re: /Cannot find namespace '([^']+)'\. Did you mean '([^']+)'\?/, role: 'name' },
  { code: 'TS2663', re: /Cannot find name '([^']+)'\. Did you mean the instance member 'this\.([^']+)'\?/, role: 'name', to: (m) => `this.${m[2]}` },
  { code: 'TS2662', re: /Cannot find name '([^']+)'\. Did you mean the static member '([^']+)'\?/, role: 'name' },
  { code: 'TS2724', re: /has no exported member named '([^']+)'\. Did you mean '([^']+)'\?/, role: 'import' },
  { code: 'TS2561', re: /but '([^']+)' does not exist in type '[\s\S]*?'\. Did you mean to write '([^']+)'\?/, role: 'any' },
];

function codeOf(event: FailureEvent): string | undefined {
  if (event.error_code && /^TS\d+$/.test(event.error_code)) return event.error_code;
  return /\berror (TS\d+):/.exec(event.message)?.[1];
}

function matchPattern(event: FailureEvent): { p: TsPattern; m: RegExpExecArray } | undefined {
  const code = codeOf(event);
  for (const p of PATTERNS) {
    if (code !== undefined && code !== p.code) continue;
    const m = p.re.exec(event.message);
    if (m) return { p, m };
  }
  return undefined;
}

export const typescriptSource: SuggestionSource = {
  id: 'typescript',
  recognizes: (event) => matchPattern(event) !== undefined,
  async suggest(event: FailureEvent, env: SuggestEnv): Promise<SuggestOutcome> {
    const hit = matchPattern(event);
    if (!hit) return undefined;
    const { p, m } = hit;
    const to = p.to ? p.to(m) : m[2]!;
    // A diagnostic's own position is exact; a runtime stack (a JS test hitting the same name) is not.
    const locations = eventLocations(event, env.worktree);
    if (locations.length === 0) return { refused: `${p.code} '${m[1]}' has no file/line inside the worktree` };
    const exact = event.column !== undefined && locations[0]!.from === 'event';
    const suggestion: Suggestion = { from: m[1]!, to, role: p.role, lang: 'js', locations: exact ? [locations[0]!] : locations, exact, source: p.code };
    return { suggestion };
  },
};
