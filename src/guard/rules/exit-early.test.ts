import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const js = `import { it, expect } from 'vitest';

it('sums', () => {
  expect(sum([1, 2])).toBe(3);
});
`;
const py = `def test_sum():
    """Sums a list."""
    assert sum_all([1, 2]) == 3
`;
const go = `package calc

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

func TestSum(t *testing.T) {
	if Sum(1, 2) != 3 {
		t.Fatal("bad sum")
	}
}
`;

describe('exit-early', () => {
  it('blocks process.exit(0) in a test file', async () => {
    const f = await ruleFindings('exit-early', { 'test/sum.test.ts': js }, { 'test/sum.test.ts': js.replace("import { it, expect } from 'vitest';", "import { it, expect } from 'vitest';\nprocess.exit(0);") });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', line: 2, message: 'test process exits early: `process.exit(0)`' })]);
  });

  it('blocks process.exit in a setup file too', async () => {
    const f = await ruleFindings('exit-early', { 'vitest.setup.ts': 'export {};\n' }, { 'vitest.setup.ts': 'export {};\nif (process.env.CI) process.exit(0);\n' });
    expect(f).toHaveLength(1);
  });

  it('blocks a return at the top of a test', async () => {
    const f = await ruleFindings('exit-early', { 'test/sum.test.ts': js }, { 'test/sum.test.ts': js.replace("it('sums', () => {\n", "it('sums', () => {\n  return;\n") });
    expect(f).toEqual([expect.objectContaining({ line: 4, message: "'sums' returns before its assertions run" })]);
    const p = await ruleFindings('exit-early', { 'tests/test_sum.py': py }, { 'tests/test_sum.py': py.replace('    assert', '    return\n    assert') });
    expect(p).toEqual([expect.objectContaining({ line: 3 })]);
  });

  it('blocks sys.exit(0) and os.Exit(0)', async () => {
    const p = await ruleFindings('exit-early', { 'tests/test_sum.py': py }, { 'tests/test_sum.py': `import sys\nsys.exit(0)\n${py}` });
    expect(p[0]!.message).toBe('test process exits early: `sys.exit(0)`');
    const g = await ruleFindings('exit-early', { 'calc/calc_test.go': go }, { 'calc/calc_test.go': go.replace('os.Exit(m.Run())', 'm.Run()\n\tos.Exit(0)') });
    expect(g[0]!.message).toBe('test process exits early: `os.Exit(0)`');
  });

  it("passes TestMain's own os.Exit(m.Run()) and a return inside a helper", async () => {
    const head = go.replace('func TestSum', 'func helper() int {\n\treturn 1\n}\n\nfunc TestSum');
    expect(await ruleFindings('exit-early', { 'calc/calc_test.go': go }, { 'calc/calc_test.go': head })).toEqual([]);
  });

  it('leaves helper scripts under test/ alone (no tests in them)', async () => {
    const fake = "#!/usr/bin/env node\nconst step = JSON.parse(process.argv[2]);\nif (step.fail) process.exit(3);\n";
    expect(await ruleFindings('exit-early', {}, { 'test/fakes/agent.mjs': fake })).toEqual([]);
  });
});
