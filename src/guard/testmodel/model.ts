/**
 * What the test-integrity rules know about a test file, extracted from its syntax tree: each test
 * function with its assertions. Plain data, so trees can be freed as soon as it is built.
 */
export type AssertionStrength =
  /** Compares against a specific value, error, length, call arguments... */
  | 'exact'
  /** Only checks truthiness or existence (`toBeTruthy`, `toBeDefined`, `assert x`, `assert.NotNil`). */
  | 'weak'
  /** Cannot fail (`expect(true).toBe(true)`, `assert True`, `assert.Equal(t, x, x)`). */
  | 'trivial';

export interface Assertion {
  /** 1-based line in the file. */
  line: number;
  strength: AssertionStrength;
  /** The matcher or assert function, e.g. `toBe`, `assertEqual`, `==`, `assert.Equal`. */
  matcher: string;
  /** Normalized source of the expected value(s), when the assertion has one. */
  expected?: string;
  /** Normalized source of the whole assertion. */
  text: string;
}

export interface TestCase {
  /** Qualified name: describe blocks / class, then the test's own name. */
  name: string;
  line: number;
  endLine: number;
  assertions: Assertion[];
  /** Literal values in the test body (numbers, strings other than messages), normalized. */
  literals: string[];
  /** The first statement of the body when it leaves the test (`return`), with its line. */
  earlyReturn?: number;
  /** Rows of a table-driven test (`it.each([...])`, `@pytest.mark.parametrize`, Go `tests := []struct{...}{...}`). */
  cases?: number;
}

export interface TestFileModel {
  tests: TestCase[];
}

/** Collapses whitespace so formatting changes do not count as changes. */
export function norm(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\s*([()[\]{},;:])\s*/g, '$1').trim();
}
