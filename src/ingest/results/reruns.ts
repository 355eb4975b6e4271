import type { TestResult } from '../../events/index.js';

interface Held {
  result: TestResult;
  failures: number;
  passes: number;
  messages: string[];
}

/**
 * One report can hold several runs of a test: `go test -count=N`, gotestsum --rerun-fails, retries.
 * A test that failed and then passed is flaky; one that failed every time is a failure. Failures are
 * held until the end of the report (passes stream through) so the verdict covers every run; a pass of
 * a held test is folded into it rather than reported twice.
 */
export class RerunMerger {
  #held = new Map<string, Held>();

  /** Results to yield now. */
  add(r: TestResult): TestResult[] {
    const held = this.#held.get(r.test_id);
    if (r.status === 'failed' || r.status === 'errored') {
      if (held) {
        held.failures++;
        if (r.message) held.messages.push(r.message);
      } else this.#held.set(r.test_id, { result: r, failures: 1, passes: 0, messages: r.message ? [r.message] : [] });
      return [];
    }
    if (r.status === 'passed' && held) {
      held.passes++;
      return [];
    }
    return [r];
  }

  /** The held failures, flaky where a later run passed. */
  *end(): Generator<TestResult> {
    for (const h of this.#held.values()) {
      if (h.passes === 0) {
        yield h.result;
        continue;
      }
      yield {
        ...h.result,
        status: 'flaky',
        flaky: { source: 'framework-rerun', runs: h.failures + h.passes, failures: h.failures, passes: h.passes, messages: h.messages },
      };
    }
    this.#held.clear();
  }
}
