import type { FailureEvent } from '../../events/index.js';
import { eventLocations } from '../shared/locations.js';
import type { TokenRole } from '../shared/token-edit.js';
import type { SuggestionSource, SuggestOutcome, SuggestEnv } from './types.js';

interface PyPattern {
  kind: string;
  re: RegExp;
  role: TokenRole | 'import';
}

/** CPython 3.10+ prints its own suggestion after these errors (Python/suggestions.c). */
const PATTERNS: PyPattern[] = [
  { kind: 'NameError', re: /name '([^']+)' is not defined\. Did you mean: '([^']+)'\?/, role: 'name' },
  { kind: 'AttributeError', re: /has no attribute '([^']+)'\. Did you mean: '([^']+)'\?/, role: 'member' },
  { kind: 'ImportError', re: /cannot import name '([^']+)' from '[^']+'[^\n]*?\. Did you mean: '([^']+)'\?/, role: 'import' },
];

function isPython(event: FailureEvent): boolean {
  return /^(pytest|python|unittest)/.test(event.framework) || (event.file?.endsWith('.py') ?? false) || /Traceback \(most recent call last\)|\.py", line \d+/.test(event.stack ?? '');
}

function matchPattern(event: FailureEvent): { p: PyPattern; m: RegExpExecArray } | undefined {
  const text = `${event.message}\n${event.stack ?? ''}`;
  for (const p of PATTERNS) {
    if (event.error_class && event.error_class !== p.kind && !(p.kind === 'ImportError' && event.error_class === 'ModuleNotFoundError')) continue;
    const m = p.re.exec(text);
    if (m) return { p, m };
  }
  return undefined;
}

export const pythonSource: SuggestionSource = {
  id: 'python',
  recognizes: (event) => isPython(event) && matchPattern(event) !== undefined,
  async suggest(event: FailureEvent, env: SuggestEnv): Promise<SuggestOutcome> {
    const hit = matchPattern(event);
    if (!hit) return undefined;
    const { p, m } = hit;
    // The suggestion may name a different kind of thing ("self.x"); replace with it verbatim.
    const locations = eventLocations(event, env.worktree).filter((l) => l.file.endsWith('.py'));
    if (locations.length === 0) return { refused: `${p.kind} '${m[1]}' has no frame inside the worktree` };
    return { suggestion: { from: m[1]!, to: m[2]!, role: p.role, lang: 'python', locations, exact: false, source: `python ${p.kind}` } };
  },
};
