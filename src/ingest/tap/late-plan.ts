const PLAN = /^1\.\.\d+/;
const POINT = /^(not )?ok\b/;

/**
 * A top-level plan that comes after test points is a trailing plan: nothing valid follows it. Some
 * producers print more results after it anyway (test-summary's "results after trailer"), and a strict
 * parser would drop them, failures included. Holding such a plan back until the end keeps every result;
 * a plan before the first test point passes through at once.
 */
export class LatePlanHolder {
  #sawPoint = false;
  #held: string | undefined;

  /** Returns the line to pass on now (undefined when held). */
  line(text: string): string | undefined {
    if (POINT.test(text)) this.#sawPoint = true;
    else if (PLAN.test(text) && this.#sawPoint) {
      this.#held = text;
      return undefined;
    }
    return text;
  }

  /** The held plan, to write before ending the stream. */
  flush(): string | undefined {
    const h = this.#held;
    this.#held = undefined;
    return h;
  }
}
