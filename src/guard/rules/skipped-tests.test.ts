import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const js = `import { describe, it, expect } from 'vitest';
import { slug } from '../src/slug.js';

describe('slug', () => {
  it('lowercases', () => {
    expect(slug('A B')).toBe('a-b');
  });
  it('strips accents', () => {
    expect(slug('Été')).toBe('ete');
  });
});
`;
const py = `import pytest
from shop.cart import Cart


def test_total():
    assert Cart([1, 2]).total() == 3


def test_empty():
    assert Cart([]).total() == 0
`;
const go = `package cart

import "testing"

func TestTotal(t *testing.T) {
	if got := Total([]int{1, 2}); got != 3 {
		t.Fatalf("Total = %d, want 3", got)
	}
}
`;

describe('skipped-tests', () => {
  it.each([
    ["it.skip('strips accents'", 'skipped test `it.skip`'],
    ["it.only('strips accents'", 'focused test `it.only` (only these run)'],
    ["xit('strips accents'", 'skipped test `xit`'],
    ["it.todo('strips accents'); it('x'", 'test turned into a todo `it.todo`'],
    ["it('strips accents', { skip: true }", 'test with `{ skip }`'],
  ])('blocks %s', async (replacement, label) => {
    const f = await ruleFindings('skipped-tests', { 'test/slug.test.ts': js }, { 'test/slug.test.ts': js.replace("it('strips accents'", replacement) });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', line: 8, message: `test disabled: ${label}` })]);
  });

  it('blocks describe.skip and asks about skipIf', async () => {
    const d = await ruleFindings('skipped-tests', { 'test/slug.test.ts': js }, { 'test/slug.test.ts': js.replace("describe('slug'", "describe.skip('slug'") });
    expect(d[0]).toMatchObject({ line: 4, message: 'test disabled: skipped test `describe.skip`' });
    const c = await ruleFindings('skipped-tests', { 'test/slug.test.ts': js }, { 'test/slug.test.ts': js.replace("it('lowercases'", "it.skipIf(process.platform === 'win32')('lowercases'") });
    expect(c[0]).toMatchObject({ severity: 'approval' });
  });

  it('blocks pytest skip and xfail markers and skip calls', async () => {
    const mark = await ruleFindings('skipped-tests', { 'tests/test_cart.py': py }, { 'tests/test_cart.py': py.replace('def test_empty', '@pytest.mark.xfail(reason="broken")\ndef test_empty') });
    expect(mark).toEqual([expect.objectContaining({ line: 9, message: 'test disabled: `@pytest.mark.xfail` on test_empty' })]);
    const call = await ruleFindings('skipped-tests', { 'tests/test_cart.py': py }, { 'tests/test_cart.py': py.replace('def test_empty():\n', 'def test_empty():\n    pytest.skip("later")\n') });
    expect(call[0]!.message).toBe('test disabled: `pytest.skip()`');
  });

  it('blocks t.Skip and a go:build ignore constraint in Go tests', async () => {
    const skip = await ruleFindings('skipped-tests', { 'cart/cart_test.go': go }, { 'cart/cart_test.go': go.replace('func TestTotal(t *testing.T) {\n', 'func TestTotal(t *testing.T) {\n\tt.Skip("flaky")\n') });
    expect(skip).toEqual([expect.objectContaining({ line: 6, message: 'test disabled: `t.Skip()`' })]);
    const build = await ruleFindings('skipped-tests', { 'cart/cart_test.go': go }, { 'cart/cart_test.go': `//go:build ignore\n\n${go}` });
    expect(build[0]!.message).toContain('build constraint');
  });

  it('blocks #[ignore] in Rust and @Disabled in Java', async () => {
    const rs = 'mod tests {\n    #[test]\n    fn adds() { assert_eq!(add(1, 1), 2); }\n}\n';
    expect(await ruleFindings('skipped-tests', { 'tests/add.rs': rs }, { 'tests/add.rs': rs.replace('#[test]', '#[test]\n    #[ignore]') })).toHaveLength(1);
    const java = 'class AddTest {\n  @Test\n  void adds() {}\n}\n';
    expect(await ruleFindings('skipped-tests', { 'src/test/java/AddTest.java': java }, { 'src/test/java/AddTest.java': java.replace('@Test', '@Disabled\n  @Test') })).toHaveLength(1);
  });

  it('passes a skip that was already there', async () => {
    const base = js.replace("it('lowercases'", "it.skip('lowercases'");
    const head = base.replace("slug('Été')).toBe('ete')", "slug('Été')).toBe('ete');\n    expect(slug('À')).toBe('a')");
    expect(await ruleFindings('skipped-tests', { 'test/slug.test.ts': base }, { 'test/slug.test.ts': head })).toEqual([]);
  });
});
