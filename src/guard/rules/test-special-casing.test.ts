import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const ts = `export function rate(user: User): number {
  return user.premium ? 0.2 : 0.1;
}
`;
const py = `def rate(user):
    return 0.2 if user.premium else 0.1
`;
const go = `package pricing

func Rate(u User) float64 {
	if u.Premium {
		return 0.2
	}
	return 0.1
}
`;

describe('test-special-casing', () => {
  it.each([
    ["if (process.env.NODE_ENV === 'test') return 0.15;", "checks `NODE_ENV === 'test'`"],
    ['if (process.env.VITEST) return 0.15;', "reads a test runner's environment variable"],
    ["if (typeof jest !== 'undefined') return 0.15;", 'checks whether a test framework global exists'],
    ["if (expect.getState().currentTestName?.includes('rate')) return 0.15;", "reads the running test's name"],
  ])('blocks %s in source', async (line, label) => {
    const f = await ruleFindings('test-special-casing', { 'src/rate.ts': ts }, { 'src/rate.ts': ts.replace('  return user', `  ${line}\n  return user`) });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', line: 2, message: `source special-cases tests: ${label}` })]);
  });

  it('blocks pytest sniffing in Python and testing.Testing() in Go', async () => {
    const p = await ruleFindings('test-special-casing', { 'shop/rate.py': py }, { 'shop/rate.py': `import sys\n\n${py.replace('    return', '    if "pytest" in sys.modules:\n        return 0.15\n    return')}` });
    expect(p).toEqual([expect.objectContaining({ line: 4, message: 'source special-cases tests: checks `sys.modules` for a test framework' })]);
    const g = await ruleFindings('test-special-casing', { 'pricing/rate.go': go }, { 'pricing/rate.go': go.replace('\tif u.Premium', '\tif testing.Testing() {\n\t\treturn 0.15\n\t}\n\tif u.Premium') });
    expect(g[0]!.message).toBe('source special-cases tests: checks `testing.Testing()`');
  });

  it('ignores test files, comments, strings and vitest in-source tests', async () => {
    const t = "it('x', () => { if (process.env.NODE_ENV === 'test') {} });\n";
    expect(await ruleFindings('test-special-casing', {}, { 'test/x.test.ts': t })).toEqual([]);
    const comment = ts.replace('  return user', "  // never check NODE_ENV === 'test' here\n  return user");
    expect(await ruleFindings('test-special-casing', { 'src/rate.ts': ts }, { 'src/rate.ts': comment })).toEqual([]);
    const inSource = `${ts}if (import.meta.vitest) {\n  const { it } = import.meta.vitest;\n}\n`;
    expect(await ruleFindings('test-special-casing', { 'src/rate.ts': ts }, { 'src/rate.ts': inSource })).toEqual([]);
  });
});
