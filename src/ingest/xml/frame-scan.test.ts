/**
 * The hand-written frame search must find exactly what the patterns it replaces find: every mark
 * position and every vitest frame, on the text of every fixture and on edge cases made up for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VITEST_FRAME } from '../frames.js';
import { FrameMarks, vitestFrameAt } from './frame-scan.js';

const MARKS = /:\d|:line \d|, line \d/g;
const VITEST_NUMBERED = new RegExp(VITEST_FRAME.source.replace(/\?<\w+>/g, ''), VITEST_FRAME.flags);
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

function fixtureTexts(): string[] {
  return fs
    .readdirSync(FIXTURES, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(xml|log|txt|json|trx|out|tap)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => fs.statSync(f).size < 2_000_000)
    .map((f) => fs.readFileSync(f, 'utf8'));
}

function regexMark(s: string, from: number): number {
  MARKS.lastIndex = from;
  return MARKS.exec(s)?.index ?? -1;
}

/** Marks found the way findFrame asks for them: from 0, then from the end of each mark's line. */
function walk(s: string, next: (from: number) => number): number[] {
  const found: number[] = [];
  for (let at = next(0); at !== -1; ) {
    found.push(at);
    const end = s.indexOf('\n', at);
    at = end === -1 ? -1 : next(end);
  }
  return found;
}

const EDGE_STACKS = [
  '',
  'no marks at all',
  'a:1',
  ':1',
  'x:line 5 and y, line 7',
  'x:line five, line 7:9',
  'File "a.py", line 12, in f\nb.py:3: AssertionError',
  ', line x, line 3',
  'ends with colon:',
  'ends with , line ',
  'C:\\repo\\a.cs:line 42\n  at Ns.T.M() in /src/T.cs:line 9',
  'TypeError: x\n    at f (/a/b.js:1:2)\n    at g (/a/c.js:3:4)',
  '::1 ::line 2',
];

const VITEST_LINES = [
  ' ❯ src/a.test.ts:5:50',
  ' ❯ parse src/math.js:2:51',
  '  ❯ src/a.test.ts:5:50   ',
  '\t❯ src/a.test.ts:5:50',
  ' ❯ src/a.test.ts:5',
  ' ❯ src/a.test.ts:x:5',
  ' ❯ C:/x/a.ts:1:2',
  ' ❯ fn C:/x/a.ts:1:2',
  ' ❯ a::b.ts:1:2',
  ' ❯ :a.ts:1:2',
  ' ❯ a.ts::1:2',
  ' ❯ a.ts:1:2:3',
  ' ❯ fn  a.ts:1:2',
  ' ❯  a.ts:1:2',
  ' ❯ a b c.ts:1:2',
  ' ❯ a.ts:1:2\t',
  ' ❯ a\u00a0b.ts:1:2',
  ' ❯ fn:1:2 a.ts:3:4',
  ' ❯ a.ts:007:0',
  ' ❯ a.ts:12345678901234567890:1',
  '❯ a.ts:1:2',
  ' ❯a.ts:1:2',
  ' ❯ ',
  ' ❯ a.ts: 1:2',
];

function regexFrame(line: string): object | undefined {
  const v = VITEST_NUMBERED.exec(line);
  return v ? { file: v[2], line: Number(v[3]), column: Number(v[4]), func: v[1] } : undefined;
}

describe('FrameMarks', () => {
  it('finds the same marks as the pattern on every fixture and edge case', () => {
    const texts = [...fixtureTexts(), ...EDGE_STACKS];
    let compared = 0;
    for (const s of texts) {
      const marks = new FrameMarks(s);
      expect(walk(s, (from) => marks.next(from))).toEqual(walk(s, (from) => regexMark(s, from)));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('finds the same mark from any starting point', () => {
    for (const s of EDGE_STACKS) {
      for (let from = 0; from <= s.length; from++) expect([s, from, new FrameMarks(s).next(from)]).toEqual([s, from, regexMark(s, from)]);
      // One instance asked from increasing positions, as findFrame asks it.
      const marks = new FrameMarks(s);
      for (let from = 0; from <= s.length; from++) expect(marks.next(from)).toBe(regexMark(s, from));
    }
  });
});

describe('vitestFrameAt', () => {
  it('reads a frame only where VITEST_FRAME reads the same one', () => {
    const lines = [...VITEST_LINES, ...fixtureTexts().flatMap((t) => t.split('\n').filter((l) => l.includes('❯')))];
    let read = 0;
    for (const line of lines) {
      const fast = vitestFrameAt(`x\n${line}\ny`, 2, 2 + line.length);
      if (fast === undefined) continue;
      read++;
      expect([line, fast]).toEqual([line, regexFrame(line)]);
    }
    // The common shapes are read by hand, not left to the pattern.
    expect(read).toBeGreaterThan(10);
  });

  it('reads the shapes vitest prints', () => {
    expect(vitestFrameAt(' ❯ src/a.test.ts:5:50', 0, 21)).toEqual({ file: 'src/a.test.ts', line: 5, column: 50, func: undefined });
    const line = ' ❯ parse src/math.js:2:51';
    expect(vitestFrameAt(line, 0, line.length)).toEqual({ file: 'src/math.js', line: 2, column: 51, func: 'parse' });
    expect(vitestFrameAt(' ❯ a.ts:1:2:3', 0, 13)).toEqual({ file: 'a.ts:1', line: 2, column: 3, func: undefined });
  });

  it('does not read lines the pattern rejects', () => {
    for (const line of [' ❯ src/a.test.ts:5', ' ❯ a::b.ts:1:2', ' ❯ :a.ts:1:2', ' ❯ a.ts::1:2', ' ❯ a b c.ts:1:2', ' ❯ a.ts: 1:2']) {
      expect(regexFrame(line)).toBeUndefined();
      expect(vitestFrameAt(line, 0, line.length)).toBeUndefined();
    }
  });
});
