/**
 * Confidence calibration and how it is measured. Temperature scaling (one parameter, fit by minimising
 * the negative log-likelihood on a calibration split that the model never trained on) keeps the
 * ranking of the classes and only fixes how sure the model says it is.
 */
export interface Scored {
  /** Logits of every class. */
  z: Float64Array;
  y: number;
}

function nll(items: Scored[], t: number): number {
  let total = 0;
  for (const { z, y } of items) {
    let max = -Infinity;
    for (const v of z) if (v > max) max = v;
    let sum = 0;
    for (const v of z) sum += Math.exp((v - max) / t);
    total -= (z[y]! - max) / t - Math.log(sum);
  }
  return total / Math.max(1, items.length);
}

/** Golden-section search for the temperature in [0.05, 20] (log scale) that minimises NLL. */
export function fitTemperature(items: Scored[]): number {
  if (items.length === 0) return 1;
  let a = Math.log(0.05);
  let b = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  for (let i = 0; i < 60; i++) {
    if (nll(items, Math.exp(c)) < nll(items, Math.exp(d))) b = d;
    else a = c;
    c = b - g * (b - a);
    d = a + g * (b - a);
  }
  return Math.exp((a + b) / 2);
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/** Equal-width bins over [0,1]; ECE is the count-weighted mean gap between confidence and accuracy. */
export function reliability(preds: Array<{ confidence: number; correct: boolean }>, bins = 10): { bins: ReliabilityBin[]; ece: number; mce: number } {
  const out: ReliabilityBin[] = [];
  let ece = 0;
  let mce = 0;
  for (let b = 0; b < bins; b++) {
    const from = b / bins;
    const to = (b + 1) / bins;
    const inBin = preds.filter((p) => (b === bins - 1 ? p.confidence >= from && p.confidence <= to : p.confidence >= from && p.confidence < to));
    const count = inBin.length;
    const meanConfidence = count ? inBin.reduce((s, p) => s + p.confidence, 0) / count : 0;
    const accuracy = count ? inBin.filter((p) => p.correct).length / count : 0;
    if (count) {
      const gap = Math.abs(meanConfidence - accuracy);
      ece += (count / preds.length) * gap;
      mce = Math.max(mce, gap);
    }
    out.push({ from, to, count, meanConfidence, accuracy });
  }
  return { bins: out, ece, mce };
}

/** Per-class precision, recall and F1, plus accuracy and macro F1. */
export function classReport(pairs: Array<{ truth: string; predicted: string }>, labels: readonly string[]): { accuracy: number; macroF1: number; perClass: Array<{ label: string; precision: number; recall: number; f1: number; support: number }> } {
  const perClass = labels.map((label) => {
    const tp = pairs.filter((p) => p.truth === label && p.predicted === label).length;
    const fp = pairs.filter((p) => p.truth !== label && p.predicted === label).length;
    const fn = pairs.filter((p) => p.truth === label && p.predicted !== label).length;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support: tp + fn };
  });
  const withSupport = perClass.filter((c) => c.support > 0);
  return {
    accuracy: pairs.length ? pairs.filter((p) => p.truth === p.predicted).length / pairs.length : 0,
    macroF1: withSupport.length ? withSupport.reduce((s, c) => s + c.f1, 0) / withSupport.length : 0,
    perClass,
  };
}
