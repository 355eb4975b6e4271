import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import { customPatternSchema } from '../config.js';
import type { LinearModel } from './logreg.js';

/** The model file format; bump when the layout or the feature function changes (old files are refused, not misread). */
export const MODEL_FORMAT_VERSION = 1;
export const SHIPPED_MODEL_URL = new URL('../../../models/triage-model.v1.json', import.meta.url);

const headSchema = z.object({
  classes: z.array(z.string()).min(1),
  temperature: z.number().positive(),
  bias: z.array(z.number()),
  /** rows[f] = [class, weight, class, weight, ...] for the weights kept after pruning. */
  rows: z.array(z.array(z.number())),
});

const ruleStatSchema = z.object({ fired: z.number().int().nonnegative(), correct: z.number().int().nonnegative(), confidence: z.number().min(0).max(1) });

export const modelFileSchema = z.object({
  format: z.literal('suture-triage-model'),
  version: z.literal(MODEL_FORMAT_VERSION),
  created: z.string(),
  data: z.object({ examples: z.number().int(), templates: z.number().int(), source: z.string(), sha256: z.string().optional() }),
  vocab: z.array(z.string()),
  category: headSchema,
  stage: headSchema,
  /** Measured precision of each rule on the training and calibration splits: the confidence a rule's answer gets. */
  rules: z.record(z.string(), ruleStatSchema),
  /** Confidence for a rule that never fired on the data (pooled precision of all rules, shrunk). */
  ruleDefault: z.number().min(0).max(1),
  custom: z.array(customPatternSchema).default([]),
  evaluation: z.record(z.string(), z.unknown()).optional(),
});
export type ModelFile = z.infer<typeof modelFileSchema>;
export type ModelHead = z.infer<typeof headSchema>;

/** A head ready for prediction. */
export interface LoadedHead {
  classes: string[];
  temperature: number;
  model: LinearModel;
}

export interface LoadedModel {
  file: ModelFile;
  index: Map<string, number>;
  category: LoadedHead;
  stage: LoadedHead;
}

export function encodeHead(m: LinearModel, classes: string[], temperature: number, prune = 0.005): ModelHead {
  const rows: number[][] = [];
  for (let f = 0; f < m.features; f++) {
    const row: number[] = [];
    for (let c = 0; c < m.classes; c++) {
      const w = m.weights[f * m.classes + c]!;
      if (Math.abs(w) >= prune) row.push(c, Number(w.toPrecision(4)));
    }
    rows.push(row);
  }
  return { classes, temperature: Number(temperature.toPrecision(6)), bias: [...m.bias].map((b) => Number(b.toPrecision(6))), rows };
}

function decodeHead(h: ModelHead, features: number): LoadedHead {
  const C = h.classes.length;
  const weights = new Float64Array(features * C);
  h.rows.forEach((row, f) => {
    for (let i = 0; i + 1 < row.length; i += 2) weights[f * C + row[i]!] = row[i + 1]!;
  });
  return { classes: h.classes, temperature: h.temperature, model: { classes: C, features, weights, bias: Float64Array.from(h.bias) } };
}

export function loadModelFile(json: unknown, source: string): LoadedModel {
  const parsed = modelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${source}: not a suture triage model (version ${MODEL_FORMAT_VERSION})${issue ? ` at "${issue.path.join('.')}": ${issue.message}` : ''}`, {
      code: 'E_MODEL_INVALID',
      hint: 'Retrain it with `suture triage train`, or remove triage.model from suture.yml to use the shipped model.',
    });
  }
  const file = parsed.data;
  const index = new Map(file.vocab.map((v, i) => [v, i]));
  return { file, index, category: decodeHead(file.category, file.vocab.length), stage: decodeHead(file.stage, file.vocab.length) };
}

export function readModel(path: string | URL): LoadedModel {
  const where = typeof path === 'string' ? path : fileURLToPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read triage model ${where}: ${(err as Error).message}`, { code: 'E_MODEL_READ', hint: 'Check triage.model in suture.yml, or run `suture triage train`.' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${where}: not valid JSON (${(err as Error).message})`, { code: 'E_MODEL_INVALID', hint: 'Retrain it with `suture triage train`.' });
  }
  return loadModelFile(json, where);
}

let shipped: LoadedModel | null | undefined;

/** The model shipped with the package, loaded once; null when the file is absent (rules still work). */
export function shippedModel(): LoadedModel | null {
  if (shipped === undefined) {
    try {
      shipped = readModel(SHIPPED_MODEL_URL);
    } catch (err) {
      if ((err as InputError).code === 'E_MODEL_READ') shipped = null;
      else throw err;
    }
  }
  return shipped;
}
