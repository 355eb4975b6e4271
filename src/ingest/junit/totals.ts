import type { StatedTotals } from '../../events/test-result.js';
import type { Tag } from '../xml/tag.js';
import { A } from './keys.js';

/**
 * The totals a JUnit report states about itself: the root's count attributes, else the sum over the
 * top-level suites (nested suites are already inside their parents' counts), else node:test's
 * `<!-- tests N -->` comments. Disabled tests count as skipped, as suture reports them.
 */
export class StatedCounts {
  private root: StatedTotals | undefined;
  private top: StatedTotals | undefined;
  private comments: Record<string, number> = {};
  private rootIsWrapper = false;
  private rootHasCases = false;

  suite(tag: Tag, depth: number, isRoot: boolean): void {
    if (depth === 0) {
      this.rootIsWrapper = isRoot;
      this.root = read(tag);
      return;
    }
    if (depth === 1 && this.rootIsWrapper) {
      const t = read(tag);
      if (t === undefined) return;
      const sum = (this.top ??= {});
      for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) {
        if (t[k] !== undefined) sum[k] = (sum[k] ?? 0) + t[k];
      }
    }
  }

  comment(text: string): void {
    const m = /^\s*(tests|suites|pass|fail|cancelled|skipped|todo)\s+(\d+)\s*$/.exec(text);
    if (m) this.comments[m[1]!] = Number(m[2]);
  }

  /** A test case directly under the root wrapper: the top-level suites' counts then miss it. */
  caseAtRoot(): void {
    this.rootHasCases = true;
  }

  totals(): StatedTotals | undefined {
    if (this.root) return this.root;
    const c = this.comments;
    if (c.tests !== undefined) return { tests: c.tests, failures: (c.fail ?? 0) + (c.cancelled ?? 0), skipped: (c.skipped ?? 0) + (c.todo ?? 0) };
    return this.rootHasCases ? undefined : this.top;
  }
}

function count(tag: Tag, key: (typeof A)[keyof typeof A]): number | undefined {
  const n = tag.number(key);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function read(tag: Tag): StatedTotals | undefined {
  const t: StatedTotals = {};
  const tests = count(tag, A.tests);
  const failures = count(tag, A.failures);
  const errors = count(tag, A.errors);
  const skipped = count(tag, A.skipped) ?? count(tag, A.skips) ?? count(tag, A.ignored);
  const disabled = count(tag, A.disabled);
  if (tests !== undefined) t.tests = tests;
  if (failures !== undefined) t.failures = failures;
  if (errors !== undefined) t.errors = errors;
  if (skipped !== undefined || disabled !== undefined) t.skipped = (skipped ?? 0) + (disabled ?? 0);
  return Object.keys(t).length > 0 ? t : undefined;
}
