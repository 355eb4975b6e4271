/**
 * Multinomial logistic regression over sparse binary features, trained with AdaGrad and L2.
 * Written here rather than taken from a library because it is ~100 lines, must serialise into the
 * shipped model file in a compact, versioned form, and must be fast at prediction time (a sparse dot
 * product per class); the JS ML libraries either hold dense matrices or lack calibration hooks.
 */
export interface SparseExample {
  /** Feature indices (each at most once). */
  x: number[];
  y: number;
  weight?: number;
}

export interface LinearModel {
  classes: number;
  features: number;
  /** weights[f * classes + c] */
  weights: Float64Array;
  bias: Float64Array;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

export function logits(m: LinearModel, x: readonly number[], out = new Float64Array(m.classes)): Float64Array {
  out.set(m.bias);
  const C = m.classes;
  for (const f of x) {
    if (f < 0 || f >= m.features) continue;
    const base = f * C;
    for (let c = 0; c < C; c++) out[c]! += m.weights[base + c]!;
  }
  return out;
}

/** Softmax with a temperature (T > 1 softens over-confident scores). */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const p = new Float64Array(z.length);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    p[i] = Math.exp((z[i]! - max) / temperature);
    sum += p[i]!;
  }
  for (let i = 0; i < p.length; i++) p[i]! /= sum;
  return p;
}

function shuffle<T>(xs: T[], seed: number): void {
  let s = seed >>> 0;
  for (let i = xs.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}

export function train(examples: SparseExample[], classes: number, features: number, opts: TrainOptions = {}): LinearModel {
  const epochs = opts.epochs ?? 40;
  const lr = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-4;
  const m: LinearModel = { classes, features, weights: new Float64Array(features * classes), bias: new Float64Array(classes) };
  const gW = new Float64Array(features * classes).fill(1e-8);
  const gB = new Float64Array(classes).fill(1e-8);
  const order = examples.slice();
  const z = new Float64Array(classes);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, (opts.seed ?? 1) + epoch);
    for (const ex of order) {
      const p = softmax(logits(m, ex.x, z));
      const w = ex.weight ?? 1;
      for (let c = 0; c < classes; c++) {
        const g = w * (p[c]! - (c === ex.y ? 1 : 0));
        gB[c]! += g * g;
        m.bias[c]! -= (lr * g) / Math.sqrt(gB[c]!);
        for (const f of ex.x) {
          const k = f * classes + c;
          const gw = g + l2 * m.weights[k]!;
          gW[k]! += gw * gw;
          m.weights[k]! -= (lr * gw) / Math.sqrt(gW[k]!);
        }
      }
    }
  }
  return m;
}
