import { parseJsonAnswer } from './json.js';
import { parseSearchReplace } from './search-replace.js';
import type { Answer } from './types.js';

/** Either answer format, whichever the reply uses (the prompt asks for one; models sometimes pick the other). */
export function parseAnswer(text: string): Answer {
  if (/^<{5,9} ?SEARCH\s*$/m.test(text)) return parseSearchReplace(text);
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || /```json/.test(text) || /"changes"\s*:/.test(text)) return parseJsonAnswer(text);
  return parseSearchReplace(text);
}
