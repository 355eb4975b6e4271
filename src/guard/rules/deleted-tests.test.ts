import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const js = `describe('cart', () => {
  it('adds', () => {
    expect(add(1, 2)).toBe(3);
  });
  it('removes', () => {
    expect(remove([1], 1)).toEqual([]);
  });
});
`;
const py = `def test_add():
    assert add(1, 2) == 3


def test_remove():
    assert remove([1], 1) == []
`;
const go = `package cart

import "testing"

func TestAdd(t *testing.T) {
	cases := []struct{ a, b, want int }{
		{1, 2, 3},
		{2, 2, 4},
		{0, 0, 0},
	}
	for _, c := range cases {
		if got := Add(c.a, c.b); got != c.want {
			t.Errorf("Add(%d, %d) = %d", c.a, c.b, got)
		}
	}
}

func TestRemove(t *testing.T) {
	if len(Remove([]int{1}, 1)) != 0 {
		t.Fatal("not removed")
	}
}
`;

describe('deleted-tests', () => {
  it('blocks a deleted test file and names its tests', async () => {
    const f = await ruleFindings('deleted-tests', { 'test/cart.test.ts': js }, { 'test/cart.test.ts': null });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', message: "test file deleted with 2 tests ('cart > adds', 'cart > removes')" })]);
  });

  it('blocks a removed test, a commented-out test and a renamed-out-of-discovery test', async () => {
    const removed = await ruleFindings('deleted-tests', { 'test/cart.test.ts': js }, { 'test/cart.test.ts': js.replace(/  it\('removes'[\s\S]*?\n  \}\);\n/, '') });
    expect(removed[0]!.message).toBe("fewer tests: 2 → 1 tests; missing 'cart > removes'");
    const commented = await ruleFindings('deleted-tests', { 'test/cart.test.ts': js }, { 'test/cart.test.ts': js.replace("  it('removes'", "  /*it('removes'").replace('toEqual([]);\n  });', 'toEqual([]);\n  });*/') });
    expect(commented[0]!.message).toContain('2 → 1');
    const renamed = await ruleFindings('deleted-tests', { 'tests/test_cart.py': py }, { 'tests/test_cart.py': py.replace('def test_remove', 'def _test_remove') });
    expect(renamed[0]!.message).toBe("fewer tests: 2 → 1 tests; missing 'test_remove'");
    const goRenamed = await ruleFindings('deleted-tests', { 'cart/cart_test.go': go }, { 'cart/cart_test.go': go.replace('func TestRemove', 'func testRemove') });
    expect(goRenamed[0]!.message).toBe("fewer tests: 2 → 1 tests; missing 'TestRemove'");
  });

  it('blocks dropped rows of a table-driven test', async () => {
    const f = await ruleFindings('deleted-tests', { 'cart/cart_test.go': go }, { 'cart/cart_test.go': go.replace('\t\t{2, 2, 4},\n', '') });
    expect(f).toEqual([expect.objectContaining({ message: "'TestAdd' lost 1 of its 3 table cases", line: 5 })]);
    const pyParam = '@pytest.mark.parametrize("a,b", [(1, 1), (2, 2)])\ndef test_same(a, b):\n    assert a == b\n';
    const p = await ruleFindings('deleted-tests', { 'tests/test_p.py': pyParam }, { 'tests/test_p.py': pyParam.replace(', (2, 2)', '') });
    expect(p[0]!.message).toBe("'test_same' lost 1 of its 2 table cases");
  });

  it('passes renamed tests and added tests', async () => {
    expect(await ruleFindings('deleted-tests', { 'test/cart.test.ts': js }, { 'test/cart.test.ts': js.replace("'adds'", "'adds two numbers'") })).toEqual([]);
    expect(await ruleFindings('deleted-tests', { 'tests/test_cart.py': py }, { 'tests/test_cart.py': `${py}\n\ndef test_clear():\n    assert clear() == []\n` })).toEqual([]);
  });

  it('only asks for approval when a test moved to another file in the same patch', async () => {
    const moved = js.replace(/  it\('removes'[\s\S]*?\n  \}\);\n/, '');
    const other = "describe('cart', () => {\n  it('removes', () => {\n    expect(remove([1], 1)).toEqual([]);\n  });\n});\n";
    const f = await ruleFindings('deleted-tests', { 'test/cart.test.ts': js }, { 'test/cart.test.ts': moved, 'test/remove.test.ts': other });
    expect(f).toEqual([expect.objectContaining({ severity: 'approval' })]);
    expect(f[0]!.message).toMatch(/^tests moved to another file/);
  });

  it('only asks for approval when the removed tests covered code the same patch removes', async () => {
    const src = 'export function add(a, b) {\n  return a + b;\n}\n\nexport function remove(xs, x) {\n  return xs.filter((y) => y !== x);\n}\n';
    const head = { 'src/cart.js': src.replace(/\nexport function remove[\s\S]*$/, ''), 'test/cart.test.ts': js.replace(/  it\('removes'[\s\S]*?\n  \}\);\n/, '') };
    const f = await ruleFindings('deleted-tests', { 'src/cart.js': src, 'test/cart.test.ts': js }, head);
    expect(f).toEqual([expect.objectContaining({ severity: 'approval', message: "tests removed together with the code they tested (2 → 1; 'cart > removes')" })]);
  });
});
