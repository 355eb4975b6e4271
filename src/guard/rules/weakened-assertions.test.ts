import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const js = `import { expect, it } from 'vitest';
import { parse } from '../src/parse.js';

it('parses a price', () => {
  const p = parse('$1.50');
  expect(p.cents).toBe(150);
  expect(p.currency).toEqual('USD');
});
`;
const py = `from shop.price import parse


def test_parse():
    p = parse("$1.50")
    assert p.cents == 150
    assert p.currency == "USD"
`;
const go = `package price

import "testing"

func TestParse(t *testing.T) {
	p, err := Parse("$1.50")
	if err != nil {
		t.Fatal(err)
	}
	if p.Cents != 150 {
		t.Errorf("cents = %d", p.Cents)
	}
}
`;

describe('weakened-assertions', () => {
  it('blocks an exact match replaced by toBeTruthy / toBeDefined', async () => {
    const f = await ruleFindings('weakened-assertions', { 'test/parse.test.ts': js }, { 'test/parse.test.ts': js.replace('expect(p.cents).toBe(150)', 'expect(p.cents).toBeTruthy()') });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', line: 6, message: "'parses a price': exact assertion `expect(p.cents).toBe(150)` replaced by a weaker `toBeTruthy`" })]);
    const d = await ruleFindings('weakened-assertions', { 'test/parse.test.ts': js }, { 'test/parse.test.ts': js.replace("toEqual('USD')", 'toBeDefined()') });
    expect(d[0]!.message).toContain('`toBeDefined`');
  });

  it('blocks fewer assertions in a test', async () => {
    const f = await ruleFindings('weakened-assertions', { 'tests/test_price.py': py }, { 'tests/test_price.py': py.replace('    assert p.currency == "USD"\n', '') });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', message: "'test_parse' has 1 fewer assertion(s) (2 → 1)" })]);
  });

  it('blocks tautologies: assert True, expect(true).toBe(true), if false', async () => {
    const a = await ruleFindings('weakened-assertions', { 'tests/test_price.py': py }, { 'tests/test_price.py': py.replace('assert p.cents == 150', 'assert True') });
    expect(a[0]!.message).toBe("'test_parse': assertion that cannot fail: `assert True`");
    const b = await ruleFindings('weakened-assertions', { 'test/parse.test.ts': js }, { 'test/parse.test.ts': js.replace('expect(p.cents).toBe(150)', 'expect(true).toBe(true)') });
    expect(b[0]!.severity).toBe('block');
    const c = await ruleFindings('weakened-assertions', { 'price/price_test.go': go }, { 'price/price_test.go': go.replace('if p.Cents != 150 {', 'if false {') });
    expect(c[0]!.message).toContain('cannot fail');
  });

  it('blocks an assert x == y replaced by a truthiness check', async () => {
    const f = await ruleFindings('weakened-assertions', { 'tests/test_price.py': py }, { 'tests/test_price.py': py.replace('assert p.cents == 150', 'assert p.cents') });
    expect(f[0]!.message).toBe("'test_parse': exact assertion `assert p.cents == 150` replaced by a weaker `assert`");
  });

  it('asks for approval when an expected value changes', async () => {
    const f = await ruleFindings('weakened-assertions', { 'test/parse.test.ts': js }, { 'test/parse.test.ts': js.replace('toBe(150)', 'toBe(151)') });
    expect(f).toEqual([expect.objectContaining({ severity: 'approval', line: 6, message: "'parses a price': expected value changed (150 → 151); confirm the old expectation was wrong" })]);
    const g = await ruleFindings('weakened-assertions', { 'price/price_test.go': go }, { 'price/price_test.go': go.replace('p.Cents != 150', 'p.Cents != 151') });
    expect(g[0]!.severity).toBe('approval');
  });

  it('passes a test edited to follow a renamed API', async () => {
    const head = js.replace("import { parse } from '../src/parse.js';", "import { parsePrice } from '../src/price.js';").replace("parse('$1.50')", "parsePrice('$1.50')");
    expect(await ruleFindings('weakened-assertions', { 'test/parse.test.ts': js }, { 'test/parse.test.ts': head })).toEqual([]);
    const pyHead = py.replace('from shop.price import parse', 'from shop.money import parse_price').replace('parse("$1.50")', 'parse_price("$1.50")');
    expect(await ruleFindings('weakened-assertions', { 'tests/test_price.py': py }, { 'tests/test_price.py': pyHead })).toEqual([]);
  });

  it('passes added assertions and stronger matchers', async () => {
    const head = js.replace("expect(p.currency).toEqual('USD');", "expect(p.currency).toEqual('USD');\n  expect(p.text).toBe('$1.50');");
    expect(await ruleFindings('weakened-assertions', { 'test/parse.test.ts': js }, { 'test/parse.test.ts': head })).toEqual([]);
  });
});
