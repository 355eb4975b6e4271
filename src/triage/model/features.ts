import { normaliseMessage } from '../normalise.js';
import type { Signal } from '../rules/types.js';

const WORD = /<[a-z]+>|[a-z_][a-z0-9_]*/g;
const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'is', 'at', 'for', 'on', 'and', 'or', 'be', 'it', 'by', 'with', 'as', 'this', 'that', 'from']);
const MAX_WORDS = 160;

/**
 * The model's view of a failure: words of the normalised text (parameters already replaced by
 * placeholders, so the model learns wording, not values), adjacent word pairs, and the event's fields
 * (tool, kind, error class, error code and its family, the CI step's words). Each feature once.
 */
export function features(s: Signal): string[] {
  const out = new Set<string>();
  const text = normaliseMessage(s.text, 1500).toLowerCase();
  const words = text.match(WORD) ?? [];
  let prev: string | undefined;
  let n = 0;
  for (const w of words) {
    if (n++ >= MAX_WORDS) break;
    if (w.length < 2 || w.length > 32 || STOP.has(w)) {
      prev = undefined;
      continue;
    }
    out.add(w);
    if (prev !== undefined) out.add(`${prev} ${w}`);
    prev = w;
  }
  out.add(`fw=${s.framework.toLowerCase()}`);
  out.add(`kind=${s.kind}`);
  if (s.status === 'flaky') out.add('status=flaky');
  if (s.errorClass) {
    const cls = s.errorClass.split('.').pop()!.toLowerCase();
    out.add(`cls=${cls}`);
  }
  if (s.errorCode) {
    const code = s.errorCode.toLowerCase();
    out.add(`code=${code}`);
    const family = /^(ts\d|e\d|e[a-z]|err_|yn)/.exec(code)?.[1];
    if (family) out.add(`codefam=${family}`);
  }
  if (s.step) for (const w of (s.step.toLowerCase().match(WORD) ?? []).slice(0, 8)) if (w.length > 1 && !STOP.has(w)) out.add(`step=${w}`);
  return [...out];
}
