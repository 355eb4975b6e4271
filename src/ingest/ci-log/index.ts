import type { TestResult } from '../../events/index.js';
import { DiagnosticIds } from '../results/ids.js';
import type { ParseOptions } from '../types.js';
import { cleanLine } from './clean.js';
import { detectors } from './detectors/index.js';
import { BestLine } from './fallback.js';
import { streamLines } from './lines.js';
import type { DetectContext, Finding } from './types.js';
import { findWorkspace } from './workspace.js';
import { demultiplex } from './demux.js';

export { detectors } from './detectors/index.js';

/** Lines held per pass over a step; a longer step is read in overlapping windows, so memory stays bounded. */
const WINDOW_LINES = 20_000;
const OVERLAP_LINES = 400;
/** Findings held per step before the step's outcome is known. */
const MAX_PENDING = 2_000;
const STRONG = 0.5;
/** Passed steps whose lines are kept for a late failure (GitLab's "Job failed" after cleanup) to point back at. */
const LAZY_STEPS = 4;

interface Step {
  name: string;
  command?: string;
  lines: string[];
  /** Absolute index of lines[0] in the step. */
  offset: number;
  findings: Finding[];
  seen: Set<string>;
  best: BestLine;
  exitCode?: number;
  failed: boolean;
  annotations: Array<{ message: string; index: number }>;
  /** Lines kept but not read yet: a step that seemed to pass is only read if a later failure points back at it. */
  pending: boolean;
}

/** A result whose strings no longer pin the chunk they were read from (the consumer may keep it). */
function ownResult(r: TestResult): TestResult {
  const out: TestResult = { ...r };
  for (const k of ['test_id', 'message', 'stack', 'file', 'name', 'suite', 'error_class', 'error_code'] as const) {
    const v = out[k];
    if (typeof v === 'string') (out as unknown as Record<string, string>)[k] = own(v);
  }
  return out;
}

function newStep(name: string): Step {
  return { name, lines: [], offset: 0, findings: [], seen: new Set(), best: new BestLine(), failed: false, annotations: [], pending: false };
}

/** Runs every detector on a window, in priority order; a block claimed by one detector is not read again by the next. */
export function detectWindow(lines: string[], ctx: DetectContext): Finding[] {
  const text = lines.join('\n');
  const claimed: Array<[number, number]> = [];
  const out: Finding[] = [];
  const heads = new Set<string>();
  for (const d of detectors) {
    if (!d.sniff(text)) continue;
    const mine: Finding[] = [];
    for (const f of d.detect(lines, ctx)) {
      if (claimed.some(([a, b]) => f.line >= a && f.line < b)) continue;
      // The same error read by two detectors (a traceback's last line, a tool's summary of it) is one cause.
      const head = (f.result.message ?? '').split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 160) ?? '';
      if (head !== '' && heads.has(head)) continue;
      mine.push(f);
    }
    for (const f of mine) {
      const head = (f.result.message ?? '').split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 160) ?? '';
      if (head !== '') heads.add(head);
      claimed.push([f.line, Math.max(f.end, f.line + 1)]);
      out.push(f);
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * A copy that does not share memory with the 1 MB chunk a line was split from. V8 keeps a substring's
 * parent alive, so anything held for the rest of the log (keys, step names, the workspace) is copied.
 */
export function own(s: string): string {
  return s.length === 0 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Identity of a finding across overlapping windows: where it starts and who read it (a number-only key). */
function keyOf(f: Finding): string {
  return `${f.line}:${hash(f.result.framework)}:${hash((f.result.message ?? '').slice(0, 80))}`;
}

/**
 * Finds why a raw CI job log failed (no structured report) and yields results of the right kind.
 * Streams: a step is read in bounded windows; only the findings of the step that failed are kept.
 * Follows GitHub Actions groups and annotations, GitLab sections, Travis folds, `$ command` echoes,
 * and the runners' exit-code lines; prefixed interleaved output (turbo, concurrently, compose) is split
 * per stream first. The CI workspace path in the log is used as the repository root for `file` fields.
 */
export async function* extractCiLog(input: NodeJS.ReadableStream, opts: ParseOptions & { displayName: string }): AsyncGenerator<TestResult> {
  const ids = new DiagnosticIds();
  let workspace: string | undefined;
  let structured = false;
  let jobFailed: { code?: number; message?: string } | undefined;
  let current = newStep('(log)');
  const ended: Step[] = [];
  const emitted = new Set<string>();
  let anyEmitted = false;
  const ready: TestResult[] = [];

  const ctxFor = (step: Step): DetectContext => {
    const ctx: DetectContext = { opts: { ...opts, repoRoot: workspace ?? opts.repoRoot }, ids };
    if (step.name !== '(log)') ctx.step = step.name;
    const command = step.command ?? (/^Run (.+)$/.exec(step.name)?.[1] ?? undefined);
    if (command !== undefined) ctx.command = command;
    return ctx;
  };

  const scan = (step: Step, final: boolean): void => {
    if (step.lines.length === 0) return;
    const ctx = ctxFor(step);
    const found: Finding[] = [];
    for (const stream of demultiplex(step.lines)) {
      for (const f of detectWindow(stream.lines, ctx)) found.push({ ...f, line: stream.index[f.line] ?? f.line });
    }
    const keepBefore = final ? Infinity : step.lines.length - OVERLAP_LINES;
    for (const f of found) {
      if (f.line >= keepBefore) continue;
      const abs = { ...f, line: f.line + step.offset };
      const k = keyOf(abs);
      if (step.seen.has(k)) continue;
      step.seen.add(k);
      if (step.findings.length < MAX_PENDING || f.strength >= STRONG) step.findings.push(abs);
      if (step.findings.length > MAX_PENDING) step.findings = step.findings.filter((x) => x.strength >= STRONG).slice(-MAX_PENDING);
    }
    if (!final) {
      step.offset += step.lines.length - OVERLAP_LINES;
      step.lines = step.lines.slice(-OVERLAP_LINES);
    }
  };

  const emit = (step: Step): void => {
    const strong = step.findings.filter((f) => f.strength >= STRONG);
    const chosen = strong.length ? strong : [];
    const ctx = ctxFor(step);
    // "The operation was canceled." only follows another runner message (a time limit): report the first.
    const annotations = step.annotations.length > 1 ? step.annotations.filter((a) => !/^The operation was cancell?ed/.test(a.message)) : step.annotations;
    for (const a of annotations) {
      if (strong.some((f) => (f.result.message ?? '').includes(a.message.slice(0, 60)))) continue;
      if (/^(?:The job|The runner|The hosted runner|The self-hosted runner|The operation was canceled)/.test(a.message) || chosen.length === 0) {
        chosen.push({ result: { kind: 'runtime', framework: 'ci', test_id: ids.next('ci', undefined, 'annotation', a.message), status: 'errored', message: a.message, ...(ctx.step ? { suite: ctx.step } : {}) }, line: a.index, end: a.index + 1, strength: 0.7 });
      }
    }
    if (chosen.length === 0) {
      const weak = step.findings.filter((f) => f.strength < STRONG && f.strength >= 0.3);
      if (weak.length) chosen.push(weak[0]!);
    }
    const lastResort = chosen.length === 0 && step.best.score < 2.5 && step.exitCode === undefined && jobFailed?.code === undefined ? step.findings[0] : undefined;
    if (lastResort) chosen.push(lastResort);
    if (chosen.length === 0) {
      const code = step.exitCode ?? jobFailed?.code;
      const exitText = code !== undefined ? `Process completed with exit code ${code}` : undefined;
      if (step.best.score >= 2.5) {
        const message = [step.best.line, ...step.best.context].join('\n') + (exitText ? `\n${exitText}` : '');
        chosen.push({ result: { kind: 'build', framework: 'ci', test_id: ids.next('ci', undefined, undefined, step.best.line), status: 'errored', message, ...(ctx.step ? { suite: ctx.step } : {}) }, line: step.best.index, end: step.best.index + 1, strength: 0.4 });
      } else if (exitText) {
        chosen.push({ result: { kind: 'runtime', framework: 'shell', test_id: ids.next('shell', undefined, `exit-${code}`, ctx.step ?? 'job'), status: 'errored', message: `${exitText}${ctx.command ? ` (${ctx.command})` : ''}`, ...(ctx.step ? { suite: ctx.step } : {}) }, line: 0, end: 1, strength: 0.3 });
      }
    }
    for (const f of chosen.sort((a, b) => a.line - b.line)) {
      const k = keyOf(f);
      if (emitted.has(k)) continue;
      emitted.add(k);
      anyEmitted = true;
      ready.push(ownResult(f.result));
    }
  };

  const settle = (step: Step): Step => {
    if (step.pending) {
      scan(step, true);
      step.lines = [];
      step.pending = false;
    }
    return step;
  };
  const strongCause = (s: Step): boolean => settle(s).findings.some((f) => f.strength >= STRONG);

  // A failure reported after its step (GitLab prints "Job failed" after the cleanup sections) belongs to
  // the latest step that shows a cause.
  const emitFailed = (step: Step): void => {
    const hasCause = step.findings.some((f) => f.strength >= STRONG) || step.annotations.length > 0 || step.best.score >= 2.5;
    const recent = [...ended].reverse();
    const earlier = hasCause ? undefined : (recent.find(strongCause) ?? recent.find((s) => s.findings.length > 0 || s.best.score >= 2.5));
    if (earlier) {
      if (earlier.exitCode === undefined && step.exitCode !== undefined) earlier.exitCode = step.exitCode;
      emit(earlier);
    } else emit(step);
  };

  const endStep = (): void => {
    if (current.failed) {
      scan(current, true);
      current.lines = [];
      emitFailed(current);
      return;
    }
    // Passed so far: read it only if a later failure points back at it. Older kept steps are read now
    // (bounded memory), and a passed step's findings are only reported through such a pointer.
    current.pending = true;
    ended.push(current);
    const kept = ended.filter((s) => s.pending);
    if (kept.length > LAZY_STEPS) {
      const oldest = kept[0]!;
      oldest.lines = [];
      oldest.pending = false;
    }
    if (ended.length > 50) ended.shift();
  };

  for await (const batch of streamLines(input)) {
    for (const raw of batch) {
      const { text, marker } = cleanLine(raw);
      if (workspace === undefined && text.indexOf('/') !== -1) {
        const w = findWorkspace(text);
        if (w !== undefined) workspace = own(w);
      }
      if (marker) {
        switch (marker.type) {
          case 'group-start':
            structured = true;
            endStep();
            current = newStep(own(marker.name));
            continue;
          case 'group-end':
            continue;
          case 'command':
            if (current.command === undefined) current.command = own(marker.command);
            break;
          case 'exit':
            structured = true;
            if (marker.code !== 0) {
              current.exitCode = marker.code;
              current.failed = true;
              jobFailed = { code: marker.code };
            }
            continue;
          case 'job-failed':
            structured = true;
            jobFailed = { ...jobFailed, message: marker.message };
            current.annotations.push({ message: marker.message, index: current.offset + current.lines.length });
            current.failed = true;
            continue;
          case 'error-annotation':
            current.annotations.push({ message: marker.message, index: current.offset + current.lines.length });
            if (/^(?:The job|The runner|The hosted runner|The self-hosted runner|The operation was canceled)/.test(marker.message)) current.failed = true;
            continue;
        }
      }
      current.best.offer(text, current.offset + current.lines.length);
      current.lines.push(text);
      if (current.lines.length >= WINDOW_LINES) {
        scan(current, false);
        // Unstructured output (a tool's own log): nothing will say which step failed, so emit as we go.
        if (!structured && current.findings.length >= 200) {
          const strong = current.findings.filter((f) => f.strength >= STRONG);
          current.findings = current.findings.filter((f) => f.strength < STRONG).slice(-50);
          for (const f of strong) {
            const k = keyOf(f);
            if (emitted.has(k)) continue;
            emitted.add(k);
            anyEmitted = true;
            ready.push(ownResult(f.result));
          }
        }
      }
    }
    while (ready.length) yield ready.shift()!;
  }
  scan(current, true);
  current.lines = [];
  if (current.failed) emitFailed(current);
  else if (!structured) emit(current);
  else ended.push(current);
  if (!anyEmitted) {
    // No step said it failed: the job-level failure belongs to the last step with a cause in it.
    const candidates = [...ended].reverse();
    const withCause = candidates.find(strongCause) ?? candidates.find((s) => s.best.score >= 2.5);
    if (withCause && (jobFailed !== undefined || withCause.findings.some((f) => f.strength >= STRONG))) emit(withCause);
    else if (jobFailed && candidates[0]) emit(candidates[0]);
  }
  while (ready.length) yield ready.shift()!;
}
