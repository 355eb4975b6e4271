import { describe, expect, it } from 'vitest';
import { parseTree } from '../syntax/treesitter.js';
import { parseJsLike } from '../syntax/ts.js';
import { extractGoTests } from './go.js';
import { extractJsTests, testCallKind } from './js.js';
import { extractPythonTests } from './python.js';
import { extractAnnotatedTests } from './text.js';

describe('test model', () => {
  it('classifies test and suite calls', () => {
    expect(['it', 'test.only', 'it.each()', 'test.concurrent.skip', 'Deno.test'].map(testCallKind)).toEqual(['test', 'test', 'test', 'test', 'test']);
    expect(['describe', 'describe.skip', 'test.describe.parallel', 'context'].map(testCallKind)).toEqual(['suite', 'suite', 'suite', 'suite']);
    expect(['test.step', 'it.beforeEach', 'expect', 'foo'].map(testCallKind)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('names JS tests by their describe path and classifies assertions', () => {
    const m = extractJsTests(parseJsLike('a.test.ts', "describe('a', () => {\n  describe('b', () => {\n    it('c', async () => {\n      expect(x).toBe(1);\n      expect(y).toBeTruthy();\n      expect(true).toBe(true);\n      assert.equal(p, q);\n      await expect(z).rejects.toThrow('m');\n    });\n  });\n});\n"));
    expect(m.tests.map((t) => t.name)).toEqual(['a > b > c']);
    expect(m.tests[0]!.assertions.map((a) => [a.matcher, a.strength, a.expected])).toEqual([
      ['toBe', 'exact', '1'], ['toBeTruthy', 'weak', undefined], ['toBe', 'trivial', 'true'], ['assert.equal', 'exact', 'q'], ['toThrow', 'exact', "'m'"],
    ]);
  });

  it('finds pytest and unittest tests with class prefixes and parametrize rows', async () => {
    const tree = await parseTree('python', 'import pytest\n\nclass TestCart:\n    def test_a(self):\n        assert 1 == f()\n\n@pytest.mark.parametrize("x", [1, 2, 3])\ndef test_b(x):\n    self.assertTrue(x)\n\ndef helper():\n    pass\n');
    try {
      const m = extractPythonTests(tree.rootNode);
      expect(m.tests.map((t) => [t.name, t.cases])).toEqual([['TestCart.test_a', undefined], ['test_b', 3]]);
      expect(m.tests[0]!.assertions[0]).toMatchObject({ strength: 'exact', matcher: '==', expected: 'f()' });
    } finally {
      tree.delete();
    }
  });

  it('finds Go tests (not TestMain) with their failure calls and table rows', async () => {
    const tree = await parseTree('go', 'package x\n\nimport "testing"\n\nfunc TestMain(m *testing.M) {}\n\nfunc TestA(t *testing.T) {\n\tcases := []int{1, 2}\n\tfor range cases {\n\t\tif got := f(); got != 3 {\n\t\t\tt.Errorf("got %d", got)\n\t\t}\n\t}\n}\n\nfunc helper(t *testing.T) {}\n');
    try {
      const m = extractGoTests(tree.rootNode);
      expect(m.tests.map((t) => [t.name, t.cases])).toEqual([['TestA', 2]]);
      expect(m.tests[0]!.assertions[0]).toMatchObject({ strength: 'exact', matcher: 't.Errorf', expected: '3' });
    } finally {
      tree.delete();
    }
  });

  it('counts Rust and Java tests by attribute', () => {
    expect(extractAnnotatedTests('#[test]\nfn adds() {}\n#[tokio::test]\nasync fn waits() {}\n', 'rust').tests.map((t) => t.name)).toEqual(['adds', 'waits']);
    expect(extractAnnotatedTests('@Test\n@DisplayName("x")\nvoid adds() {}\n', 'java').tests.map((t) => t.name)).toEqual(['adds']);
  });
});
