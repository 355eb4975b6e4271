const GT = 62;
const QUOTE = 34;
const APOS = 39;
const OPEN_SUBSET = 91; // [
const CLOSE_SUBSET = 93; // ]
const ENTITY_DECL = Buffer.from('<!ENTITY');
const MAX_DOCTYPE = 1024 * 1024;

export interface DoctypeScan {
  /** Index just after the DOCTYPE's `>`, or -1 when it continues in the next chunk. */
  end: number;
  /** Why the DOCTYPE is refused, when it is. */
  unsafe?: string;
}

/**
 * Reads `<!DOCTYPE ...>` starting at `lt`, without ever resolving anything in it. A DOCTYPE that only
 * names the root (or an external DTD, which is never fetched) is skipped; one whose internal subset
 * declares entities is refused: that is how billion-laughs and XXE attacks are built.
 */
export function scanDoctype(buf: Buffer, lt: number): DoctypeScan {
  const len = buf.length;
  let quote = 0;
  let inSubset = false;
  let subsetStart = -1;
  let i = lt + 9;
  for (; i < len; i++) {
    const c = buf[i]!;
    if (quote !== 0) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === QUOTE || c === APOS) quote = c;
    else if (c === OPEN_SUBSET && !inSubset) {
      inSubset = true;
      subsetStart = i;
    } else if (c === CLOSE_SUBSET && inSubset) inSubset = false;
    else if (c === GT && !inSubset) break;
  }
  if (i >= len) {
    if (len - lt > MAX_DOCTYPE) return { end: i, unsafe: 'a DOCTYPE larger than 1 MiB' };
    return { end: -1 };
  }
  if (subsetStart !== -1) {
    const decl = buf.indexOf(ENTITY_DECL, subsetStart);
    if (decl !== -1 && decl < i) {
      const name = /^<!ENTITY\s+(%\s+)?([^\s>]+)/.exec(buf.toString('utf8', decl, Math.min(i, decl + 200)))?.[2] ?? '?';
      const external = /\b(SYSTEM|PUBLIC)\b/.test(buf.toString('utf8', decl, Math.min(i, decl + 2000)));
      return {
        end: i + 1,
        unsafe: `the DOCTYPE declares entity "${name}"${external ? ' with an external SYSTEM/PUBLIC source (XXE)' : ''}: suture never expands or fetches entities`,
      };
    }
  }
  return { end: i + 1 };
}
