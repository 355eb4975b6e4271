import path from 'node:path';
import { repoRelative } from '../events/paths.js';

/** One stack frame, whatever language printed it. */
export interface StackFrame {
  file: string;
  line?: number;
  column?: number;
  func?: string;
}

/** vitest's own location lines: " ❯ src/a.test.ts:5:50" / " ❯ parse src/math.js:2:51". */
export const VITEST_FRAME = /^\s*❯ (?:(?<func>\S+) )?(?<file>[^\s:]+(?::[^\s:]+)*?):(?<line>\d+):(?<column>\d+)\s*$/;

// Each pattern captures (func?, file, line, column?) by name. Order matters: most specific first.
const FRAME_PATTERNS: RegExp[] = [
  // V8: "    at fn (file:///a/b.js:1:2)" / "    at /a/b.js:1:2" / "    at async fn (/a/b.ts:3:4)"
  /^\s*at (?:async )?(?:(?<func>[^\s(][^(]*?) \()?(?<file>(?:file:\/\/)?[^\s()]+?):(?<line>\d+):(?<column>\d+)\)?\s*$/,
  // .NET: "   at Ns.Type.Method(args) in /src/File.cs:line 42"
  /^\s*at (?<func>\S.*?) in (?<file>.+?):line (?<line>\d+)\s*$/,
  // Mono prints .NET frames without "line": "  at Ns.T.M () [0x00000] in /src/T.cs:12"
  /^\s*at (?<func>\S.*?)(?: \[0x[0-9a-f]+\])? in (?<file>.+?\.(?:cs|fs|vb)):(?<line>\d+)\s*$/,
  VITEST_FRAME,
  // JVM: "\tat com.acme.Foo.bar(Foo.java:42)"
  /^\s*at (?<func>[\w$.<>/]+)\((?<file>[\w$-]+\.(?:java|kt|scala|groovy|clj)):(?<line>\d+)\)\s*$/,
  // Python: '  File "/a/b.py", line 12, in func'
  /^\s*File "(?<file>[^"]+)", line (?<line>\d+)(?:, in (?<func>.+))?\s*$/,
  // pytest short form: "tests/test_x.py:12: in test_thing" / "src/m.py:3: AssertionError"
  /^(?<file>[\w./\\-]+\.py):(?<line>\d+):(?: in (?<func>\S+))?/,
  // Go panics/tests: "\t/home/u/p/x.go:42 +0x1d" / "    x_test.go:12: message"
  /^\s*(?<file>[\w./\\@-]+\.go):(?<line>\d+)(?::(?<column>\d+))?(?:\s|:|$)/,
  // Rust: "  --> src/main.rs:2:5" / "             at ./src/lib.rs:10:5"
  /^\s*(?:-->|at) (?<file>[\w./\\-]+\.rs):(?<line>\d+):(?<column>\d+)/,
  // Ruby: "app/models/x.rb:10:in `method'"
  /^\s*(?<file>[\w./\\-]+\.rb):(?<line>\d+):in [`'](?<func>[^'`]+)'/,
  // PHP / generic "path/file.ext:line"
  /^\s*#?\d*\s*(?<file>[\w./\\-]+\.(?:php|ts|tsx|js|mjs|cjs|jsx|c|cc|cpp|h|hpp|swift|dart|ex|exs)):(?<line>\d+)(?::(?<column>\d+))?/,
];

/** Splits a stack trace (any of the languages above) into frames, in printed order. */
export function parseFrames(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const raw of stack.split(/\r?\n/)) {
    if (raw.length > 2000) continue;
    for (const re of FRAME_PATTERNS) {
      const m = re.exec(raw);
      if (!m?.groups?.file) continue;
      const g = m.groups;
      frames.push({
        file: g.file!,
        line: g.line ? Number(g.line) : undefined,
        column: g.column ? Number(g.column) : undefined,
        func: g.func?.trim() || undefined,
      });
      break;
    }
  }
  return frames;
}

const VENDOR = /(^|\/)(node_modules|site-packages|dist-packages|vendor|\.venv|venv|\.cargo|\.rustup|go\/pkg\/mod|jdk|\.m2|\.gradle)\//;
const INTERNAL = /^(node:|internal\/|<anonymous>|native|evalmachine)/;

/**
 * The first frame that points into the repository (not a dependency, not the runtime): that is where a
 * person, or a fixer, should look. Paths come back repository-relative with forward slashes.
 * `baseDir` (repository-relative) is where relative frame paths start: a workspace package's directory
 * when its test runner printed paths relative to itself.
 */
export function firstRepoFrame(stack: string | undefined, repoRoot: string, baseDir?: string): StackFrame | undefined {
  if (!stack) return undefined;
  for (const f of repoFrames(stack, repoRoot, baseDir)) return f;
  return undefined;
}

/** Every in-repository frame, repository-relative, in printed order. */
export function repoFrames(stack: string, repoRoot: string, baseDir?: string): StackFrame[] {
  const out: StackFrame[] = [];
  for (const f of parseFrames(stack)) {
    if (INTERNAL.test(f.file)) continue;
    const rel = repoRelative(baseDir ? resolveRelative(f.file, baseDir) : f.file, repoRoot);
    if (rel === undefined || VENDOR.test(rel) || VENDOR.test(f.file.replace(/\\/g, '/'))) continue;
    out.push({ ...f, file: rel });
  }
  return out;
}

/** Joins a relative path onto a repository-relative directory; absolute paths and URLs pass through. */
function resolveRelative(file: string, baseDir: string): string {
  if (/^([A-Za-z]:[\\/]|\/|file:\/\/)/.test(file)) return file;
  return path.posix.join(baseDir.replace(/\\/g, '/'), file.replace(/\\/g, '/'));
}
