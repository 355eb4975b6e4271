import type { TestResult } from '../../events/index.js';
import type { ParseOptions } from '../types.js';
import { repoFrames } from '../frames.js';
import { toRepoPath } from '../results/location.js';
import type { BuildLogExtractor } from './types.js';
import { didYouMean } from './text.js';

const HEADER = /^\s*Traceback \(most recent call last\):\s*$/;
const CHAIN = /^\s*(The above exception was the direct cause of the following exception:|During handling of the above exception, another exception occurred:)\s*$/;
// "pkg.mod.ErrorClass: message" at the indentation of the Traceback line.
const EXCEPTION = /^(?<cls>[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Iteration)|KeyboardInterrupt|SystemExit|StopIteration)(?::\s?(?<msg>.*))?$/;
const FILE_LINE = /^\s*File "(?<file>[^"]+)", line (?<line>\d+)(?:, in (?<func>.+))?\s*$/;
// Errors that mean the code could not even load: a build problem, not a runtime one.
const LOAD_ERRORS = /^(SyntaxError|IndentationError|TabError|ModuleNotFoundError|ImportError)$/;

/**
 * CPython tracebacks, including chained ones (reported once, as the exception that ended the program)
 * and SyntaxErrors printed without a "Traceback" header. The location is the innermost frame inside the
 * repository; a SyntaxError's is the file and line it names.
 */
export const pythonExtractor: BuildLogExtractor = {
  format: 'python-traceback',
  tools: ['python', 'python3', 'pip', 'django', 'manage.py'],
  sniff(head) {
    if (HEADER.test(head.split('\n', 50).join('\n')) || /^Traceback \(most recent call last\):$/m.test(head)) return 0.8;
    return /^\s*File "[^"]+", line \d+\n[^\n]*\n\s*\^+\n(SyntaxError|IndentationError)/m.test(head) ? 0.7 : 0;
  },
  extract(lines, opts, ids) {
    const out: TestResult[] = [];
    let i = 0;
    while (i < lines.length) {
      const startsTrace = HEADER.test(lines[i]!);
      const startsSyntax = !startsTrace && FILE_LINE.test(lines[i]!) && !FILE_LINE.exec(lines[i]!)!.groups!.func && syntaxAhead(lines, i);
      if (!startsTrace && !startsSyntax) {
        i++;
        continue;
      }
      const start = i;
      let end = exceptionLine(lines, startsTrace ? i + 1 : i);
      if (end === -1) {
        i++;
        continue;
      }
      // Follow the chain: "The above exception was the direct cause..." then another traceback.
      for (;;) {
        let j = end + 1;
        while (j < lines.length && lines[j]!.trim() === '') j++;
        if (j < lines.length && CHAIN.test(lines[j]!)) {
          let k = j + 1;
          while (k < lines.length && lines[k]!.trim() === '') k++;
          const next = k < lines.length && HEADER.test(lines[k]!) ? exceptionLine(lines, k + 1) : -1;
          if (next !== -1) {
            end = next;
            continue;
          }
        }
        break;
      }
      const r = toResult(lines.slice(start, end + 1), opts, ids);
      if (r) out.push(r);
      i = end + 1;
    }
    return out;
  },
};

function syntaxAhead(lines: string[], i: number): boolean {
  for (let k = i + 1; k < Math.min(lines.length, i + 6); k++) if (/^(SyntaxError|IndentationError|TabError)\b/.test(lines[k]!.trim())) return true;
  return false;
}

/**
 * Index of the exception line ending a traceback whose frames start at `from`: the first non-blank,
 * unindented line. -1 when that line is not an exception (the traceback was cut off by other output).
 */
function exceptionLine(lines: string[], from: number): number {
  for (let k = from; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.trim() === '' || /^\s/.test(l)) continue;
    return EXCEPTION.test(l.trim()) ? k : -1;
  }
  return -1;
}

function toResult(block: string[], opts: ParseOptions, ids: { next: (tool: string, file: string | undefined, code: string | undefined, message: string) => string }): TestResult | undefined {
  const last = block[block.length - 1]!.trim();
  const ex = EXCEPTION.exec(last);
  if (!ex?.groups) return undefined;
  const cls = ex.groups.cls!;
  const message = (ex.groups.msg ?? '').trim();
  const text = block.join('\n');
  let file: string | undefined;
  let line: number | undefined;
  if (/^(SyntaxError|IndentationError|TabError)$/.test(cls)) {
    // The last File line names where the syntax error is.
    for (const l of block) {
      const m = FILE_LINE.exec(l);
      if (m?.groups) {
        file = toRepoPath(m.groups.file, opts);
        line = Number(m.groups.line);
      }
    }
  } else {
    // Only the last traceback of a chain: that is the exception that stopped the program.
    const lastHeader = block.map((l) => HEADER.test(l)).lastIndexOf(true);
    const frames = repoFrames(block.slice(Math.max(0, lastHeader)).join('\n'), opts.repoRoot, opts.package).filter((f) => f.file.endsWith('.py'));
    const inner = frames[frames.length - 1];
    if (inner) ({ file, line } = inner);
  }
  const shortCls = cls.split('.').pop()!;
  return {
    kind: LOAD_ERRORS.test(shortCls) ? 'build' : 'runtime',
    framework: 'python',
    test_id: ids.next('python', file, cls, message),
    status: 'errored',
    file,
    line: file ? line : undefined,
    error_class: cls,
    message,
    stack: text,
    suggestion: didYouMean(message),
    package: opts.package,
  };
}
