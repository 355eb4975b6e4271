import type { FailureEvent } from '../../events/index.js';
import { goDiagnosticLocation } from '../shared/go-location.js';
import type { SourceLang } from '../shared/language.js';
import { eventLocations, type SourceLocation } from '../shared/locations.js';
import type { TokenRole } from '../shared/token-edit.js';
import { findRename } from './rename-history.js';
import type { SuggestionSource, SuggestOutcome, SuggestEnv } from './types.js';

interface Missing {
  re: RegExp;
  lang: SourceLang;
  role: TokenRole | 'import';
  /** Only when the event's error class or code is this. */
  when?: (e: FailureEvent) => boolean;
}

const tsCode = (code: string) => (e: FailureEvent) => e.error_code === code || e.message.includes(`error ${code}:`);
const pyClass = (...names: string[]) => (e: FailureEvent) => !e.error_class || names.includes(e.error_class);

/** Failures that name a missing identifier (group 1): what a rename elsewhere leaves behind. */
const MISSING: Missing[] = [
  { re: /^(?:undefined|undeclared name): (\w+)$/, lang: 'go', role: 'name' },
  { re: /Module '[^']+' has no exported member '([^']+)'\./, lang: 'js', role: 'import', when: tsCode('TS2305') },
  { re: /Cannot find name '([^']+)'\.$/, lang: 'js', role: 'name', when: tsCode('TS2304') },
  { re: /does not provide an export named '([^']+)'/, lang: 'js', role: 'import' },
  { re: /cannot import name '(\w+)' from '[\w.]+'/, lang: 'python', role: 'import', when: pyClass('ImportError') },
  { re: /module '[\w.]+' has no attribute '(\w+)'/, lang: 'python', role: 'member', when: pyClass('AttributeError') },
  { re: /name '(\w+)' is not defined/, lang: 'python', role: 'name', when: pyClass('NameError') },
];

function match(event: FailureEvent): { m: Missing; name: string } | undefined {
  for (const m of MISSING) {
    if (m.when && !m.when(event)) continue;
    const hit = m.re.exec(event.message.trim()) ?? (m.lang === 'python' ? m.re.exec(event.stack ?? '') : null);
    if (hit) return { m, name: hit[1]! };
  }
  return undefined;
}

/**
 * The project's own history as the suggestion: when a name is missing because a recent commit (or
 * the user's uncommitted change) renamed its declaration (`func CalcTotal(` became `func
 * CalculateTotal(`), the stale use is renamed the same way: the rename is completed, not undone.
 * Asked only when the language's own source has no suggestion (see index.ts).
 */
export const historySource: SuggestionSource = {
  id: 'history',
  recognizes: (event) => match(event) !== undefined,
  async suggest(event: FailureEvent, env: SuggestEnv): Promise<SuggestOutcome> {
    const hit = match(event);
    if (!hit) return undefined;
    const { m, name } = hit;
    const key = `rename:${m.lang}:${name}`;
    if (!env.memo.has(key)) env.memo.set(key, findRename(env.worktree, name, m.lang));
    const found = (await env.memo.get(key)) as Awaited<ReturnType<typeof findRename>>;
    if (!found) return undefined;
    if ('refused' in found) return found;
    const { rename } = found;
    let locations: SourceLocation[];
    let exact: boolean;
    if (m.lang === 'go') {
      const loc = await goDiagnosticLocation(event, env.worktree);
      locations = loc ? [loc] : [];
      exact = !!loc;
    } else {
      locations = eventLocations(event, env.worktree).filter((l) => l.file.endsWith(m.lang === 'python' ? '.py' : '') || m.lang !== 'python');
      exact = event.column !== undefined && locations[0]?.from === 'event';
      if (exact) locations = [locations[0]!];
    }
    if (locations.length === 0) return { refused: `'${name}' was renamed to '${rename.to}', but the failure has no position inside the worktree` };
    return {
      suggestion: { from: name, to: rename.to, role: m.role, lang: m.lang, locations, exact, source: `history: ${rename.sha.slice(0, 10)} "${rename.subject}" renamed it in ${rename.file}` },
    };
  },
};
