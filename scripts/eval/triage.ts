/**
 * npm run eval:triage [-- --json]
 *
 * Held-out evaluation of the shipped model (models/triage-model.v1.json) on the data set's test split
 * (split by template family, the same deterministic split training used): accuracy, macro F1,
 * per-category precision/recall/F1, stage accuracy, reliability by bins and ECE, rules vs model.
 * Then grouping: pairwise precision/recall/F1 of the fingerprint on data/triage/grouping.jsonl.
 * Then extraction: each example's real output wrapped as a whole GitHub/GitLab/Travis job log; how
 * often the extractor's first result (and any result) states the labelled cause line, against the
 * grep-first/grep-last/tail baselines.
 */
import { Readable } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractCiLog } from '../../src/ingest/ci-log/index.js';
import { exampleEvent, familyOf, loadExamples, type Example } from '../../src/triage/dataset.js';
import { fingerprint } from '../../src/triage/fingerprint.js';
import { Classifier } from '../../src/triage/classify.js';
import { readModel, SHIPPED_MODEL_URL } from '../../src/triage/model/model-file.js';
import { evaluate, modelOnlyAccuracy, prepare } from '../../src/triage/model/train.js';
import { renderEvaluation } from '../../src/triage/render.js';
import { baselines, states, wrapLog, type Style } from './ci-log-wrap.js';
import { groupOf } from '../../data/triage/gen/one-cause.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const json = process.argv.includes('--json');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

async function classification(examples: Example[]) {
  const prepared = await prepare(examples);
  const model = readModel(SHIPPED_MODEL_URL);
  const test = prepared.filter((p) => p.split === 'test');
  const result = evaluate(new Classifier(model), test);
  const fam = (s: string): number => new Set(prepared.filter((p) => p.split === s).map((p) => familyOf(p.example.template))).size;
  const split = { train: prepared.filter((p) => p.split === 'train').length, calib: prepared.filter((p) => p.split === 'calib').length, test: test.length, templates: { train: fam('train'), calib: fam('calib'), test: fam('test') } };
  return { result, split, modelOnly: modelOnlyAccuracy(model.file, test), rulesOnly: evaluate(new Classifier(null), test), trainedOn: model.file.data };
}

async function grouping() {
  const rows = await loadExamples(path.join(ROOT, 'data/triage/grouping.jsonl')).catch(() => undefined);
  if (!rows) return undefined;
  const fps: Array<{ group: string; template: string; fp: string }> = [];
  for (const r of rows) {
    const ev = await exampleEvent(r);
    fps.push({ group: groupOf(r.id, r.template), template: r.template, fp: fingerprint(ev) });
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let similarPairs = 0;
  let similarSplit = 0;
  for (let i = 0; i < fps.length; i++) {
    for (let j = i + 1; j < fps.length; j++) {
      const same = fps[i]!.group === fps[j]!.group;
      const pred = fps[i]!.fp === fps[j]!.fp;
      if (same && pred) tp++;
      else if (!same && pred) fp++;
      else if (same && !pred) fn++;
      if (!same && fps[i]!.template === fps[j]!.template) {
        similarPairs++;
        if (!pred) similarSplit++;
      }
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { rows: rows.length, groups: new Set(fps.map((f) => f.group)).size, positivePairs: tp + fn, precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall), similarTextPairs: similarPairs, similarTextKeptApart: similarSplit / Math.max(1, similarPairs) };
}

async function extraction(examples: Example[]) {
  const styles: Style[] = ['github', 'gitlab', 'travis'];
  const hits = { firstResult: 0, anyResult: 0, grepFirst: 0, grepLast: 0, tail1: 0, tail10: 0 };
  let n = 0;
  let results = 0;
  let interleaved = 0;
  let interleavedHits = 0;
  for (const [i, e] of examples.entries()) {
    if (!e.cause) continue;
    const style = styles[i % 3]!;
    const il = i % 7 === 0;
    const log = wrapLog(e, style, { interleave: il });
    const found: string[] = [];
    for await (const r of extractCiLog(Readable.from([log]), { repoRoot: '/', displayName: e.id })) found.push(`${r.file ?? ''}:${r.line ?? ''} ${r.error_class ?? ''} ${r.error_code ?? ''} ${r.message ?? ''}\n${(r.stack ?? '').slice(0, 2000)}`);
    n++;
    results += found.length;
    const b = baselines(log);
    if (found[0] !== undefined && states(found[0], e.cause)) hits.firstResult++;
    if (found.some((f) => states(f, e.cause!))) hits.anyResult++;
    if (states(b.grepFirst, e.cause)) hits.grepFirst++;
    if (states(b.grepLast, e.cause)) hits.grepLast++;
    if (states(b.tail1, e.cause)) hits.tail1++;
    if (states(b.tail10, e.cause)) hits.tail10++;
    if (il) {
      interleaved++;
      if (found[0] !== undefined && states(found[0], e.cause)) interleavedHits++;
    }
  }
  return { logs: n, meanResultsPerLog: results / Math.max(1, n), rates: Object.fromEntries(Object.entries(hits).map(([k, v]) => [k, v / Math.max(1, n)])), interleaved: { logs: interleaved, firstResult: interleavedHits / Math.max(1, interleaved) } };
}

async function main(): Promise<void> {
  const examples = await loadExamples(path.join(ROOT, 'data/triage/examples.jsonl'));
  const cls = await classification(examples);
  const grp = await grouping();
  const ext = await extraction(examples);
  if (json) {
    process.stdout.write(JSON.stringify({ classification: { ...cls.result, split: cls.split, modelOnlyAccuracy: cls.modelOnly, rulesOnlyAccuracy: cls.rulesOnly.accuracy, rulesOnlyCoverage: cls.rulesOnly.rules.share }, grouping: grp, extraction: ext }, null, 2) + '\n');
    return;
  }
  process.stdout.write(`== classification (shipped model, trained on ${cls.trainedOn.examples} examples; held-out test split) ==\n`);
  process.stdout.write(renderEvaluation({ split: cls.split, test: cls.result }));
  process.stdout.write(`Model alone on the test split (no rules): ${pct(cls.modelOnly)}. Rules alone: decide ${pct(cls.rulesOnly.rules.share)} at ${pct(cls.rulesOnly.rules.accuracy)}.\n`);
  process.stdout.write(`Errors (${cls.result.errors.length}):\n${cls.result.errors.map((e) => `  ${e.id}: ${e.truth} -> ${e.predicted} (${e.confidence.toFixed(2)}${e.rule ? `, ${e.rule}` : ''})`).join('\n')}\n\n`);
  if (grp) process.stdout.write(`== grouping (fingerprint ${'fp1'}) ==\n${grp.rows} reports in ${grp.groups} root-cause groups (${grp.positivePairs} same-cause pairs): pairwise precision ${grp.precision.toFixed(3)}, recall ${grp.recall.toFixed(3)}, F1 ${grp.f1.toFixed(3)}; different failures of the same template (similar text) kept apart in ${pct(grp.similarTextKeptApart)} of ${grp.similarTextPairs} pairs\n\n`);
  else process.stdout.write('== grouping ==\nno data/triage/grouping.jsonl (run data/triage/gen/grouping.ts)\n\n');
  process.stdout.write(`== extraction from whole CI logs (${ext.logs} logs: real outputs wrapped as GitHub/GitLab/Travis jobs) ==\n`);
  process.stdout.write(`extractor first result states the cause: ${pct(ext.rates.firstResult!)}; any result: ${pct(ext.rates.anyResult!)} (${ext.meanResultsPerLog.toFixed(2)} results per log)\n`);
  process.stdout.write(`baselines: first line with "error" ${pct(ext.rates.grepFirst!)}, last line with "error" ${pct(ext.rates.grepLast!)}, last line ${pct(ext.rates.tail1!)}, last 10 lines ${pct(ext.rates.tail10!)}\n`);
  process.stdout.write(`interleaved (turbo-prefixed) logs: first result ${pct(ext.interleaved.firstResult)} of ${ext.interleaved.logs}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
