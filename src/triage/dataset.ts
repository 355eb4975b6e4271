import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { readLines } from '../events/ndjson.js';
import { EVENT_SCHEMA_VERSION, toFailureEvent, type FailureEvent, type TestResult } from '../events/index.js';
import { extractCiLog } from '../ingest/ci-log/index.js';
import { categories, stages } from './taxonomy.js';

/** One labelled example of real failure output (data/triage/*.jsonl). */
export const exampleSchema = z.object({
  id: z.string().min(1),
  template: z.string().min(1),
  tool: z.string(),
  lang: z.string().optional(),
  stage: z.enum(stages),
  category: z.enum(categories),
  command: z.string(),
  exit_code: z.number().int().nullable().optional(),
  output: z.string(),
  /** The line of the output that states the cause (ground truth for extraction). */
  cause: z.string().optional(),
  note: z.string().optional(),
  flaky: z.object({ runs: z.number(), failures: z.number(), passes: z.number() }).optional(),
});
export type Example = z.infer<typeof exampleSchema>;

export async function loadExamples(path: string): Promise<Example[]> {
  const out: Example[] = [];
  const input = createReadStream(path);
  const failed = new Promise<never>((_, reject) => input.once('error', (e) => reject(new InputError(`cannot read ${path}: ${e.message}`, { code: 'E_DATA_READ', hint: 'Pass --data with a JSONL file of labelled examples.' }))));
  const read = (async () => {
    for await (const { line, lineNo } of readLines(input, { source: path })) {
      if (line.trim() === '') continue;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch (e) {
        throw new InputError(`${path}:${lineNo}: not valid JSON (${(e as Error).message})`, { code: 'E_DATA_INVALID', hint: 'Each line must be one labelled example.' });
      }
      const r = exampleSchema.safeParse(v);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        throw new InputError(`${path}:${lineNo}: not a labelled example at "${issue.path.join('.')}": ${issue.message}`, { code: 'E_DATA_INVALID', hint: 'See docs/triage.md for the data set format.' });
      }
      out.push(r.data);
    }
  })();
  await Promise.race([read, failed]);
  return out;
}

/**
 * Templates that are one broken input run under several runners (the same test under jest, vitest,
 * mocha, node:test) are one family: the held-out split keeps a family together so the model is tested
 * on inputs it has not seen in any form.
 */
export function familyOf(template: string): string {
  return template
    .replace(/-(jest|vitest|mocha|node-test)$/, '')
    .replace(/^(sh-command-not-found)-.*$/, '$1')
    .replace(/^(jest-coverage-threshold)-.*$/, '$1');
}

export type Split = 'train' | 'calib' | 'test';

function h(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

/**
 * Held-out split by template family, per category: a quarter of each category's families (at least
 * one when it has two or more) are test, one more is calibration when the category has four or more,
 * the rest train. Deterministic, so train and eval agree without storing the split.
 */
export function splitByTemplate(examples: Example[]): Map<string, Split> {
  const famCat = new Map<string, string>();
  for (const e of examples) if (!famCat.has(familyOf(e.template))) famCat.set(familyOf(e.template), e.category);
  const byCat = new Map<string, string[]>();
  for (const [fam, cat] of famCat) (byCat.get(cat) ?? byCat.set(cat, []).get(cat)!).push(fam);
  const famSplit = new Map<string, Split>();
  for (const fams of byCat.values()) {
    fams.sort((a, b) => (h(a) < h(b) ? -1 : 1));
    const nTest = fams.length >= 2 ? Math.max(1, Math.round(fams.length / 4)) : 0;
    const nCalib = fams.length >= 4 ? 1 : 0;
    fams.forEach((f, i) => famSplit.set(f, i < nTest ? 'test' : i < nTest + nCalib ? 'calib' : 'train'));
  }
  const out = new Map<string, Split>();
  for (const e of examples) out.set(e.id, famSplit.get(familyOf(e.template)) ?? 'train');
  return out;
}

function overlap(a: string, b: string): number {
  const wa = new Set(a.toLowerCase().match(/[a-z0-9_]+/g) ?? []);
  const wb = b.toLowerCase().match(/[a-z0-9_]+/g) ?? [];
  if (wb.length === 0) return 0;
  return wb.filter((w) => wa.has(w)).length / wb.length;
}

/**
 * Turns an example's raw output into the failure event triage would see: the CI-log extractor reads
 * the output (as a one-step log); of the events found, the one that states the labelled cause is kept.
 * Half of the examples carry the command as the CI step name ("Run <command>"), as GitHub shows it, so
 * the model learns to use a step name without depending on one.
 */
export async function exampleEvent(e: Example): Promise<FailureEvent> {
  // Keyed by the failure, not the run: re-runs of one job show the same step names.
  const withStep = parseInt(h(e.id.replace(/:(?:base|rerun|commit)$/, '')).slice(0, 2), 16) % 2 === 0;
  const log = withStep ? `##[group]Run ${e.command}\n##[endgroup]\n${e.output}\n##[error]Process completed with exit code ${e.exit_code ?? 1}.\n` : e.output;
  const results: TestResult[] = [];
  for await (const r of extractCiLog(Readable.from([log]), { repoRoot: '/', displayName: e.id })) results.push(r);
  let chosen = results[0];
  if (e.cause && results.length > 1) {
    let best = -1;
    for (const r of results) {
      const s = overlap(`${r.error_class ?? ''} ${r.error_code ?? ''} ${r.message ?? ''}`, e.cause);
      if (s > best) {
        best = s;
        chosen = r;
      }
    }
  }
  const stamp = { run_id: `dataset-${e.template}`, ts: '2024-01-01T00:00:00Z' };
  const ev = chosen ? toFailureEvent({ ...chosen, status: chosen.status === 'passed' || chosen.status === 'skipped' ? 'failed' : chosen.status }, stamp) : undefined;
  const base: FailureEvent = ev ?? { v: EVENT_SCHEMA_VERSION, kind: 'build', run_id: stamp.run_id, ts: stamp.ts, framework: 'ci', test_id: e.id, message: e.output.split('\n').filter((l) => l.trim() !== '').slice(-5).join('\n'), status: 'errored' };
  if (e.flaky) base.flaky = { source: 'suture-rerun', ...e.flaky };
  if (e.flaky && e.flaky.passes > 0) base.status = 'flaky';
  return base;
}
