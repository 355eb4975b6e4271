import { createHash } from 'node:crypto';
import type { FailureEvent } from '../../events/index.js';
import { Classifier } from '../classify.js';
import type { CustomPattern } from '../config.js';
import { exampleEvent, familyOf, splitByTemplate, type Example, type Split } from '../dataset.js';
import { signalOf } from '../signal.js';
import { categories, stages } from '../taxonomy.js';
import { classReport, fitTemperature, reliability, type Scored } from './calibrate.js';
import { features } from './features.js';
import { logits, train, type LinearModel, type SparseExample } from './logreg.js';
import { encodeHead, loadModelFile, MODEL_FORMAT_VERSION, type ModelFile } from './model-file.js';

export interface Prepared {
  example: Example;
  event: FailureEvent;
  split: Split;
  feats: string[];
}

export async function prepare(examples: Example[]): Promise<Prepared[]> {
  const split = splitByTemplate(examples);
  const out: Prepared[] = [];
  for (const example of examples) {
    const event = await exampleEvent(example);
    out.push({ example, event, split: split.get(example.id)!, feats: features(signalOf(event)) });
  }
  return out;
}

function vectorise(p: Prepared[], index: Map<string, number>): number[][] {
  return p.map((x) => x.feats.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
}

function trainHead(data: Prepared[], xs: number[][], labels: readonly string[], label: (p: Prepared) => string, features: number): LinearModel {
  const counts = new Map<string, number>();
  for (const p of data) counts.set(label(p), (counts.get(label(p)) ?? 0) + 1);
  const ex: SparseExample[] = data.map((p, i) => {
    const y = labels.indexOf(label(p));
    // Rare classes weigh more (square-root balancing), so a class with 30 examples is not drowned by one with 300.
    return { x: xs[i]!, y, weight: Math.sqrt(data.length / (counts.size * counts.get(label(p))!)) };
  });
  return train(ex, labels.length, features, { epochs: 30, learningRate: 0.3, l2: 1e-4 });
}

export interface TrainResult {
  model: ModelFile;
  report: Evaluation;
}

export interface Evaluation {
  split: { train: number; calib: number; test: number; templates: { train: number; calib: number; test: number } };
  test: ReturnType<typeof evaluate>;
}

/** Accuracy, per-class report, calibration (reliability bins, ECE) of the full classifier on some prepared examples. */
export function evaluate(classifier: Classifier, data: Prepared[]) {
  const rows = data.map((p) => {
    const s = signalOf(p.event);
    const c = classifier.classifySignal(s);
    return { id: p.example.id, template: p.example.template, truth: p.example.category, predicted: c.category, confidence: c.confidence, source: c.source, rule: c.rule, stageTruth: p.example.stage, stagePredicted: c.stage };
  });
  const cat = classReport(rows.map((r) => ({ truth: r.truth, predicted: r.predicted })), categories);
  const stg = classReport(rows.map((r) => ({ truth: r.stageTruth, predicted: r.stagePredicted })), stages);
  const rel = reliability(rows.map((r) => ({ confidence: r.confidence, correct: r.truth === r.predicted })));
  const byRule = rows.filter((r) => r.source === 'rule');
  const byModel = rows.filter((r) => r.source === 'model');
  return {
    examples: rows.length,
    accuracy: cat.accuracy,
    macroF1: cat.macroF1,
    perCategory: cat.perClass.filter((c) => c.support > 0 || rows.some((r) => r.predicted === c.label)),
    stageAccuracy: stg.accuracy,
    perStage: stg.perClass.filter((c) => c.support > 0),
    calibration: rel,
    rules: { share: byRule.length / Math.max(1, rows.length), accuracy: byRule.filter((r) => r.truth === r.predicted).length / Math.max(1, byRule.length), ece: reliability(byRule.map((r) => ({ confidence: r.confidence, correct: r.truth === r.predicted }))).ece },
    model: { share: byModel.length / Math.max(1, rows.length), accuracy: byModel.filter((r) => r.truth === r.predicted).length / Math.max(1, byModel.length), ece: reliability(byModel.map((r) => ({ confidence: r.confidence, correct: r.truth === r.predicted }))).ece },
    errors: rows.filter((r) => r.truth !== r.predicted).map((r) => ({ id: r.id, truth: r.truth, predicted: r.predicted, confidence: r.confidence, rule: r.rule })),
  };
}

/** Model-only accuracy (ignoring rules) on some examples: how the model does on what rules would have decided. */
export function modelOnlyAccuracy(file: ModelFile, data: Prepared[]): number {
  const m = loadModelFile(file, 'memory');
  let ok = 0;
  for (const p of data) {
    const x = p.feats.map((f) => m.index.get(f)).filter((i): i is number => i !== undefined);
    const z = logits(m.category.model, x);
    let best = 0;
    for (let c = 1; c < z.length; c++) if (z[c]! > z[best]!) best = c;
    if (m.category.classes[best] === p.example.category) ok++;
  }
  return ok / Math.max(1, data.length);
}

/**
 * Trains the category and stage heads on the train split, fits their temperatures on the calibration
 * split (on the examples no rule decides, since those are the ones the model answers), measures every
 * rule's precision on train+calibration, and evaluates the whole classifier on the held-out test split.
 */
export async function trainModel(examples: Example[], opts: { custom?: CustomPattern[]; source: string; prepared?: Prepared[] }): Promise<TrainResult> {
  const prepared = opts.prepared ?? (await prepare(examples));
  const trainSet = prepared.filter((p) => p.split === 'train');
  const calibSet = prepared.filter((p) => p.split === 'calib');
  const testSet = prepared.filter((p) => p.split === 'test');

  const df = new Map<string, number>();
  for (const p of trainSet) for (const f of p.feats) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df].filter(([, n]) => n >= 2).map(([f]) => f).sort();
  const index = new Map(vocab.map((v, i) => [v, i]));
  const xsTrain = vectorise(trainSet, index);
  const catLabels = [...categories];
  const stageLabels = [...stages];
  const catModel = trainHead(trainSet, xsTrain, catLabels, (p) => p.example.category, vocab.length);
  const stageModel = trainHead(trainSet, xsTrain, stageLabels, (p) => p.example.stage, vocab.length);

  // Rules (built-in and custom) measured on train+calibration.
  const ruleless = new Classifier(null, opts.custom ?? []);
  const stats: Record<string, { fired: number; correct: number; confidence: number }> = {};
  let firedAll = 0;
  let correctAll = 0;
  const calibNoRule: Prepared[] = [];
  for (const p of [...trainSet, ...calibSet]) {
    const hit = ruleless.ruleFor(signalOf(p.event));
    if (!hit) {
      if (p.split === 'calib') calibNoRule.push(p);
      continue;
    }
    const s = (stats[hit.rule] ??= { fired: 0, correct: 0, confidence: 0 });
    s.fired++;
    firedAll++;
    if (hit.category === p.example.category) {
      s.correct++;
      correctAll++;
    }
  }
  // Precision with a weak prior toward the pooled precision, so a rule seen 3 times is not "100% sure".
  const pooled = (correctAll + 1) / (firedAll + 2);
  for (const s of Object.values(stats)) s.confidence = Number(((s.correct + 4 * pooled) / (s.fired + 4)).toFixed(4));

  const calibItems = calibNoRule.length >= 40 ? calibNoRule : calibSet;
  const xsCal = vectorise(calibItems, index);
  const catScored: Scored[] = calibItems.map((p, i) => ({ z: logits(catModel, xsCal[i]!), y: catLabels.indexOf(p.example.category) }));
  const stageScored: Scored[] = calibItems.map((p, i) => ({ z: logits(stageModel, xsCal[i]!), y: stageLabels.indexOf(p.example.stage) }));
  const catT = fitTemperature(catScored);
  const stageT = fitTemperature(stageScored);

  const templates = (s: Prepared[]): number => new Set(s.map((p) => familyOf(p.example.template))).size;
  const model: ModelFile = {
    format: 'suture-triage-model',
    version: MODEL_FORMAT_VERSION,
    created: new Date().toISOString(),
    data: { examples: trainSet.length, templates: new Set(trainSet.map((p) => p.example.template)).size, source: opts.source, sha256: createHash('sha256').update(examples.map((e) => e.id).join('\n')).digest('hex') },
    vocab,
    category: encodeHead(catModel, catLabels, catT),
    stage: encodeHead(stageModel, stageLabels, stageT),
    rules: stats,
    ruleDefault: Number((pooled * 0.95).toFixed(4)),
    custom: opts.custom ?? [],
  };
  const classifier = new Classifier(loadModelFile(model, 'memory'));
  const test = evaluate(classifier, testSet);
  model.evaluation = { accuracy: test.accuracy, macroF1: test.macroF1, ece: test.calibration.ece, stageAccuracy: test.stageAccuracy, testExamples: testSet.length, testFamilies: templates(testSet) };
  return {
    model,
    report: {
      split: { train: trainSet.length, calib: calibSet.length, test: testSet.length, templates: { train: templates(trainSet), calib: templates(calibSet), test: templates(testSet) } },
      test,
    },
  };
}
