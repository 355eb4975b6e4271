import path from 'node:path';
import { repoRelative } from '../../events/paths.js';
import { parseFrames, VITEST_FRAME, type StackFrame } from '../frames.js';
import { FrameMarks, vitestFrameAt } from './frame-scan.js';

/** Characters of a stack searched for frames: the 4000 a stack is capped to, and some. */
const MAX_SCAN = 64 * 1024;
const VENDOR = /(^|\/)(node_modules|site-packages|dist-packages|vendor|\.venv|venv|\.cargo|\.rustup|go\/pkg\/mod|\.m2|\.gradle)\//;
const JVM_FILE = /\.(java|kt|scala|groovy|clj)$/;
const INTERNAL = /^(node:|internal\/|<anonymous>|native|evalmachine)/;

/** A frame with its path made repository-relative (undefined when it points outside the repository). */
export interface LocatedFrame extends StackFrame {
  /** The path as printed. */
  raw: string;
  /** Repository-relative path, or undefined for frames outside the repository or in dependencies. */
  repoFile: string | undefined;
}

/**
 * Walks a stack line by line and stops at the first frame `want` accepts, so a 4000-character stack
 * costs only the lines up to the frame that matters (reports carry tens of thousands of stacks).
 * Relative paths are taken from `baseDir` (a workspace package) when given.
 */
export function findFrame(stack: string | undefined, repoRoot: string, baseDir: string | undefined, want: (f: LocatedFrame) => boolean): LocatedFrame | undefined {
  if (!stack) return undefined;
  // Jump from one "file:line" mark to the next instead of visiting every line: message and diff lines
  // cost nothing.
  const marks = new FrameMarks(stack);
  const limit = Math.min(stack.length, MAX_SCAN);
  for (let at = marks.next(0); at !== -1 && at < limit; ) {
    const start = stack.lastIndexOf('\n', at) + 1;
    let end = stack.indexOf('\n', at);
    if (end === -1) end = stack.length;
    const frame = end - start > 2000 ? undefined : parseLine(stack, start, end);
    at = end < stack.length ? marks.next(end) : -1;
    if (frame === undefined) continue;
    // JVM frames print a bare file name ("FooTest.java"); only the class name can place those.
    const jvm = !frame.file.includes('/') && JVM_FILE.test(frame.file);
    const located: LocatedFrame = { file: frame.file, line: frame.line, column: frame.column, func: frame.func, raw: frame.file, repoFile: jvm ? undefined : inRepo(frame.file, repoRoot, baseDir) };
    if (want(located)) return located;
  }
  return undefined;
}

// The commonest frame, V8's "    at fn (/abs/file.js:1:2)" / "    at /abs/file.js:1:2", read without
// backtracking; anything else (vitest's ❯ lines, Mono, every other language) goes through frames.ts.
const V8_SIMPLE = /^\s*at (?:async )?(?:([^\s(][^(]*) \()?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?\s*$/;
/** VITEST_FRAME with numbered groups (func, file, line, column): no groups object per match. */
const VITEST_NUMBERED = new RegExp(VITEST_FRAME.source.replace(/\?<\w+>/g, ''), VITEST_FRAME.flags);

/** The frame on the line `stack[start, end)`, if it is one. */
function parseLine(stack: string, start: number, end: number): StackFrame | undefined {
  // A line that starts (after spaces) with vitest's ❯ cannot be a V8 "at" frame: read by hand, else
  // by its pattern.
  let k = start;
  while (k < end && (stack.charCodeAt(k) === 32 || stack.charCodeAt(k) === 9)) k++;
  const vitestLine = stack.charCodeAt(k) === 0x276f;
  if (vitestLine) {
    const fast = vitestFrameAt(stack, start, end);
    if (fast !== undefined) return fast;
  }
  const line = stack.slice(start, end);
  if (!vitestLine) {
    const s = V8_SIMPLE.exec(line);
    if (s) return { file: s[2]!, line: Number(s[3]), column: Number(s[4]), func: s[1] };
  }
  // vitest's ❯ lines come first in its stacks: tried before the other languages' patterns.
  if (line.indexOf('❯') !== -1) {
    const v = VITEST_NUMBERED.exec(line);
    if (v) return { file: v[2]!, line: Number(v[3]), column: Number(v[4]), func: v[1] };
  }
  return parseFrames(line)[0];
}

/** inRepo's answers for one repository root and base directory: stacks repeat the same files. */
const KNOWN_MAX = 1024;
let known = new Map<string, string | undefined>();
let knownRoot = '';
let knownBase: string | undefined;

/** Repository-relative path of a frame's file, or undefined for runtime internals and dependencies. */
export function inRepo(file: string, repoRoot: string, baseDir: string | undefined): string | undefined {
  if (repoRoot !== knownRoot || baseDir !== knownBase || known.size >= KNOWN_MAX) {
    known = new Map();
    knownRoot = repoRoot;
    knownBase = baseDir;
  }
  let rel = known.get(file);
  if (rel === undefined && !known.has(file)) {
    rel = resolveInRepo(file, repoRoot, baseDir);
    known.set(file, rel);
  }
  return rel;
}

function resolveInRepo(file: string, repoRoot: string, baseDir: string | undefined): string | undefined {
  if (INTERNAL.test(file)) return undefined;
  const slashed = file.indexOf('\\') === -1 ? file : file.replace(/\\/g, '/');
  // Fast paths: an absolute path plainly under the root, or a plain relative one (no `.` segments).
  if (slashed.charCodeAt(0) === 47 /* / */) {
    const root = repoRoot.endsWith('/') ? repoRoot : repoRoot + '/';
    if (slashed.startsWith(root) && slashed.indexOf('/.', root.length - 1) === -1) {
      const rel = slashed.slice(root.length);
      return rel === '' || VENDOR.test(rel) ? undefined : rel;
    }
  } else if (!baseDir && isPlainRelative(slashed)) {
    return VENDOR.test(slashed) ? undefined : slashed;
  }
  const joined = baseDir && !/^([A-Za-z]:\/|\/|file:\/\/)/.test(slashed) ? path.posix.join(baseDir, slashed) : slashed;
  const rel = repoRelative(joined, repoRoot);
  if (rel === undefined || VENDOR.test(rel) || VENDOR.test(slashed)) return undefined;
  return rel;
}

/** `src/a.ts`: relative, no `.`/`..` segments, no drive, URL or doubled slash; as it is, repository-relative. */
function isPlainRelative(p: string): boolean {
  return p.charCodeAt(0) !== 46 /* . */ && p.indexOf(':') === -1 && p.indexOf('/.') === -1 && p.indexOf('//') === -1 && p.indexOf(' ') === -1;
}

const TEST_FILE = /(^|\/)(tests?|__tests__|spec)\/|[._-](test|spec)s?\.[^/]+$|(^|\/)test_[^/]+$|_test\.[^/]+$/i;

/** The first in-repository frame, preferring one in a test file (where the test itself failed). */
export function testFrame(stack: string | undefined, repoRoot: string, baseDir: string | undefined): LocatedFrame | undefined {
  let first: LocatedFrame | undefined;
  const hit = findFrame(stack, repoRoot, baseDir, (f) => {
    if (f.repoFile === undefined) return false;
    first ??= f;
    return TEST_FILE.test(f.repoFile);
  });
  return hit ?? first;
}
