import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError, UsageError } from '../../errors.js';
import { customPatternSchema, type CustomPattern } from '../config.js';
import { loadExamples } from '../dataset.js';
import { trainModel } from '../model/train.js';
import { renderEvaluation } from '../render.js';
import { markStateDir } from '../../util/state-dir.js';

export interface TrainOptions {
  root: string;
  data?: string;
  custom?: string;
  out?: string;
  json?: boolean;
  stdout: Writable;
  stderr: Writable;
}

const PACKAGE_DATA = fileURLToPath(new URL('../../../data/triage/examples.jsonl', import.meta.url));

/** Seed-style custom patterns: a YAML or JSON list of {pattern, category, stage?, ...}, or {patterns: [...]}. */
export async function readCustomPatterns(file: string): Promise<CustomPattern[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`, { code: 'E_CUSTOM_READ', hint: 'Pass --custom with a YAML or JSON list of {pattern, category}.' });
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    throw new InputError(`${file}: not valid YAML/JSON (${(e as Error).message.split('\n')[0]})`, { code: 'E_CUSTOM_INVALID', hint: 'A list of {pattern, category, stage?} entries.' });
  }
  const list = Array.isArray(value) ? value : (value as { patterns?: unknown })?.patterns;
  const r = z.array(customPatternSchema).safeParse(list);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new InputError(`${file}: pattern ${i.path.join('.')}: ${i.message}`, { code: 'E_CUSTOM_INVALID', hint: 'Each entry needs a regex `pattern` and a `category` from docs/triage.md.' });
  }
  return r.data;
}

/** `suture triage train`: retrains the model, prints held-out per-category precision/recall/F1, writes the model file. */
export async function runTrain(o: TrainOptions): Promise<string> {
  const data = o.data ? path.resolve(o.root, o.data) : [path.join(o.root, 'data/triage/examples.jsonl'), PACKAGE_DATA].find((p) => existsSync(p));
  if (!data) throw new UsageError('no labelled data found', { code: 'E_NO_DATA', hint: 'Pass --data FILE (JSONL of labelled examples; see docs/triage.md).' });
  const custom = o.custom ? await readCustomPatterns(path.resolve(o.root, o.custom)) : [];
  const examples = await loadExamples(data);
  if (examples.length < 20) throw new InputError(`${data}: only ${examples.length} examples; training needs at least 20`, { code: 'E_DATA_TOO_SMALL', hint: 'Add labelled examples from more templates.' });
  o.stderr.write(`training on ${examples.length} examples from ${path.relative(o.root, data) || data}${custom.length ? ` with ${custom.length} custom patterns` : ''}...\n`);
  const { model, report } = await trainModel(examples, { custom, source: path.basename(data) });
  const out = path.resolve(o.root, o.out ?? '.suture/triage-model.json');
  await mkdir(path.dirname(out), { recursive: true });
  markStateDir(out);
  const tmp = `${out}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify(model) + '\n');
  await rename(tmp, out);
  if (o.json) o.stdout.write(`${JSON.stringify({ model: out, ...report }, null, 2)}\n`);
  else {
    o.stdout.write(renderEvaluation(report));
    o.stdout.write(`model written to ${out}${o.out ? '' : '\nuse it with `triage: { model: .suture/triage-model.json }` in suture.yml'}\n`);
  }
  return out;
}
