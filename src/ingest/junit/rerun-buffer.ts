import type { TestResult } from '../../events/test-result.js';
import { mergeRuns } from './reruns.js';

/** Cases held per suite before the oldest are released: bounds memory on a suite of a million cases. */
const HOLD_MAX = 10_000;

interface Level {
  pending: TestResult[];
  /** By a hash of the name's bytes (a small-integer key), then the ids compared: names rarely repeat. */
  index: Map<number, number | number[]>;
  runs: Map<number, TestResult[]> | undefined;
}

/**
 * Holds each suite's results until the suite closes so that repeated test cases (re-runs) can be
 * merged into one result. Suites nest; each level is released when its suite closes, or in part when it
 * holds HOLD_MAX cases (a re-run further away than that is reported as a separate result).
 */
export class RerunBuffer {
  private levels: Level[] = [];

  constructor(private readonly emit: (r: TestResult) => void) {}

  enter(): void {
    this.levels.push({ pending: [], index: new Map(), runs: undefined });
  }

  leave(): void {
    const level = this.levels.pop();
    if (level) this.release(level);
  }

  /** Holds `r`; `key` is any number equal for equal test ids (the scanner's hash of the name bytes). */
  add(r: TestResult, key: number): void {
    let level = this.levels[this.levels.length - 1];
    if (level === undefined) {
      this.enter();
      level = this.levels[0]!;
    }
    const seen = level.index.get(key);
    const at = seen === undefined ? undefined : this.sameTest(level, seen, r.test_id);
    if (at === undefined) {
      if (level.pending.length >= HOLD_MAX) {
        this.release(level);
        return this.add(r, key);
      }
      const i = level.pending.length;
      level.pending.push(r);
      if (seen === undefined) level.index.set(key, i);
      else if (typeof seen === 'number') level.index.set(key, [seen, i]);
      else seen.push(i);
      return;
    }
    level.runs ??= new Map();
    const runs = level.runs.get(at);
    if (runs) runs.push(r);
    else level.runs.set(at, [level.pending[at]!, r]);
  }

  private sameTest(level: Level, seen: number | number[], id: string): number | undefined {
    if (typeof seen === 'number') return level.pending[seen]!.test_id === id ? seen : undefined;
    return seen.find((i) => level.pending[i]!.test_id === id);
  }

  /** Releases every held result, innermost suite last (used at the end and before an error). */
  flushAll(): void {
    for (const level of this.levels) this.release(level);
  }

  private release(level: Level): void {
    const { pending, runs } = level;
    for (let i = 0; i < pending.length; i++) {
      const merged = runs?.get(i);
      this.emit(merged ? mergeRuns(merged) : pending[i]!);
    }
    level.pending = [];
    level.index = new Map();
    level.runs = undefined;
  }
}
