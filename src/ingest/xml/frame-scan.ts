import type { StackFrame } from '../frames.js';

/**
 * The two steps of a frame search that run once per failure of a large report, written out by hand
 * instead of as regular expressions (an alternation the engine cannot skip ahead with, then a lazy
 * pattern per `❯` line): 2% faster on a report of 45,000 failures (docs/ingest-xml.md). Each gives
 * exactly what its pattern gives; frame-scan.test.ts compares them on every fixture's text and on
 * made-up edge cases.
 */

const COLON = 58;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Where the pattern `/:\d|:line \d|, line \d/` next matches in `s` at or after `from`, or -1. `python`
 * carries the position of the next `, line N` between calls on the same string (-2: not looked for yet),
 * so a stack is searched for it once, not once per mark.
 */
export class FrameMarks {
  private python = -2;
  private pythonFrom = 0;

  constructor(private readonly s: string) {}

  next(from: number): number {
    const s = this.s;
    let colon = -1;
    for (let i = s.indexOf(':', from); i !== -1; i = s.indexOf(':', i + 1)) {
      const c = s.charCodeAt(i + 1);
      if (isDigit(c) || (c === 108 /* l */ && s.startsWith('line ', i + 1) && isDigit(s.charCodeAt(i + 6)))) {
        colon = i;
        break;
      }
    }
    const py = this.pythonAt(from);
    if (py === -1) return colon;
    return colon === -1 || py < colon ? py : colon;
  }

  private pythonAt(from: number): number {
    if (this.python !== -2 && (this.python === -1 || this.python >= from) && from >= this.pythonFrom) return this.python;
    const s = this.s;
    let at = s.indexOf(', line ', from);
    while (at !== -1 && !isDigit(s.charCodeAt(at + 7))) at = s.indexOf(', line ', at + 1);
    this.python = at;
    this.pythonFrom = from;
    return at;
  }
}

/** Unicode white space as JavaScript's `\s` has it, beyond the ASCII controls and space. */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x85;
}

function digitsValue(s: string, start: number, end: number): number {
  if (start >= end) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/**
 * vitest's location line (`  ❯ src/a.test.ts:5:50`, `  ❯ fn src/a.ts:2:51`) in `s[start, end)`: the
 * frame `VITEST_FRAME` reads from it. Undefined when the line is not one, and for the rare lines this
 * does not read itself (tabs or Unicode spaces inside, very long numbers): the caller then uses the
 * patterns, so a frame returned here is always the pattern's.
 */
export function vitestFrameAt(s: string, start: number, end: number): StackFrame | undefined {
  let i = start;
  while (i < end && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  if (s.charCodeAt(i) !== 0x276f || s.charCodeAt(i + 1) !== 32) return undefined;
  i += 2;
  let e = end;
  while (e > i && s.charCodeAt(e - 1) === 32) e--;
  // One space at most: between the function and the location. Anything else white is left to the pattern.
  let space = -1;
  for (let k = i; k < e; k++) {
    const c = s.charCodeAt(k);
    if (c === 32) {
      if (space !== -1) return undefined;
      space = k;
    } else if (c < 32 || isWideSpace(c)) return undefined;
  }
  const loc = space === -1 ? i : space + 1;
  if (space === i || loc >= e) return undefined;
  const last = s.lastIndexOf(':', e - 1);
  if (last <= loc) return undefined;
  const prev = s.lastIndexOf(':', last - 1);
  if (prev <= loc) return undefined;
  if (last - prev > 16 || e - last > 16) return undefined;
  const line = digitsValue(s, prev + 1, last);
  const column = digitsValue(s, last + 1, e);
  if (line < 0 || column < 0) return undefined;
  // The file: colon-separated parts, none empty.
  if (s.charCodeAt(loc) === COLON || s.charCodeAt(prev - 1) === COLON) return undefined;
  for (let k = s.indexOf(':', loc); k !== -1 && k < prev; k = s.indexOf(':', k + 1)) if (s.charCodeAt(k + 1) === COLON) return undefined;
  return { file: s.slice(loc, prev), line, column, func: space === -1 ? undefined : s.slice(i, space) };
}
