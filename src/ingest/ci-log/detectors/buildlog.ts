import { extractors } from '../../buildlog/index.js';
import type { BuildLogExtractor } from '../../buildlog/index.js';
import type { Detector, Finding } from '../types.js';
import { DiagnosticIds } from '../../results/ids.js';

// Cheap gates on the chunk text; the build-log extractors themselves were written for a tool's whole output.
const GATES: Record<string, RegExp> = {
  tsc: /error TS\d+: /,
  eslint: /\s\d+:\d+\s+error\s|✖ \d+ problems?/,
  'eslint-json': /"ruleId"\s*:/,
  npm: /npm (?:ERR!|error) |Cannot find (?:module|package) '/,
  'pytest-collection': /_ ERROR collecting /,
  'python-traceback': /Traceback \(most recent call last\):|(?:SyntaxError|IndentationError|TabError): /,
};

/** Where a result's text first appears in the chunk, so findings from different detectors can be ordered and de-duplicated. */
function lineOf(lines: string[], needle: string, from = 0): number {
  const first = needle.split('\n')[0]!.trim().slice(0, 120);
  if (first === '') return from;
  for (let i = from; i < lines.length; i++) if (lines[i]!.includes(first)) return i;
  return from;
}

/**
 * Reuses the ingest stage's build-log extractors (tsc, ESLint, npm/node module errors, pytest collection,
 * Python tracebacks) on a CI chunk, so the same output yields the same results whether it came as a
 * tool's own output or inside a CI job log.
 */
function adapt(e: BuildLogExtractor): Detector {
  const gate = GATES[e.format] ?? /error/i;
  return {
    id: `buildlog:${e.format}`,
    sniff: (t) => gate.test(t),
    detect(lines, ctx) {
      const out: Finding[] = [];
      let from = 0;
      // A fresh id map per window: the shared one would keep every key (and the log chunk it was cut
      // from) for the whole log.
      for (const r of e.extract(lines, ctx.opts, new DiagnosticIds())) {
        // The message's own line when it is printed verbatim (tsc, ESLint stylish), else the file's first mention.
        let at = lineOf(lines, r.message ?? '', from);
        if (at === from && r.file && !(lines[at] ?? '').includes((r.message ?? '').split('\n')[0]!.slice(0, 60))) at = lineOf(lines, r.file, from);
        from = at;
        if (ctx.step && r.suite === undefined) r.suite = ctx.step;
        // npm's ELIFECYCLE-style wrappers are dropped by the extractor; a python traceback from a test run
        // is kept, but a test detector's own result for the same lines is more specific and wins on overlap.
        out.push({ result: r, line: at, end: at + 1, strength: e.format === 'python-traceback' ? 0.9 : 1 });
      }
      return out;
    },
  };
}

export const buildLogDetectors: Detector[] = extractors.map(adapt);
