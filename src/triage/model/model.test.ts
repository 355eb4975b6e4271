import { describe, expect, it } from 'vitest';
import { classReport, fitTemperature, reliability } from './calibrate.js';
import { logits, softmax, train } from './logreg.js';

describe('logistic regression', () => {
  it('learns a separable problem from sparse features', () => {
    // feature 0,1 → class 0; feature 2,3 → class 1; feature 4 is noise.
    const ex = Array.from({ length: 60 }, (_, i) => (i % 2 ? { x: [0, 1, 4], y: 0 } : { x: [2, 3, 4], y: 1 }));
    const m = train(ex, 2, 5, { epochs: 20 });
    expect(softmax(logits(m, [0, 1]))[0]).toBeGreaterThan(0.9);
    expect(softmax(logits(m, [2, 3]))[1]).toBeGreaterThan(0.9);
    expect(softmax(logits(m, [4]))[0]).toBeGreaterThan(0.2);
    expect(softmax(logits(m, [4]))[0]).toBeLessThan(0.8);
  });
});

describe('calibration', () => {
  it('fits a temperature above 1 for over-confident scores and below 1 for timid ones', () => {
    // Logits that claim ~99.9% but are right 70% of the time.
    const over = Array.from({ length: 100 }, (_, i) => ({ z: Float64Array.from([7, 0]), y: i < 70 ? 0 : 1 }));
    expect(fitTemperature(over)).toBeGreaterThan(2);
    const timid = Array.from({ length: 100 }, () => ({ z: Float64Array.from([0.2, 0]), y: 0 }));
    expect(fitTemperature(timid)).toBeLessThan(0.5);
  });

  it('measures reliability per bin and ECE', () => {
    const preds = [
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.95, correct: i < 9 })),
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.55, correct: i < 3 })),
    ];
    const r = reliability(preds);
    expect(r.bins[9]).toMatchObject({ count: 10, accuracy: 0.9 });
    expect(r.bins[5]).toMatchObject({ count: 10, accuracy: 0.3 });
    expect(r.ece).toBeCloseTo(0.5 * 0.05 + 0.5 * 0.25, 5);
  });

  it('reports per-class precision, recall and F1', () => {
    const r = classReport([{ truth: 'a', predicted: 'a' }, { truth: 'a', predicted: 'b' }, { truth: 'b', predicted: 'b' }], ['a', 'b']);
    expect(r.accuracy).toBeCloseTo(2 / 3);
    expect(r.perClass[0]).toMatchObject({ label: 'a', precision: 1, recall: 0.5, support: 2 });
    expect(r.perClass[1]).toMatchObject({ label: 'b', precision: 0.5, recall: 1 });
  });
});
