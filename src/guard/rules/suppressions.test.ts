import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const ts = `import { total } from './cart';

export function price(items: Item[]): number {
  const sum = total(items);
  return Math.round(sum * 100) / 100;
}
`;

describe('suppressions', () => {
  it.each([
    ['// @ts-ignore\n  const sum = total(items);', '`@ts-ignore`'],
    ['// @ts-expect-error wrong type\n  const sum = total(items);', '`@ts-expect-error`'],
    ['// eslint-disable-next-line @typescript-eslint/no-explicit-any\n  const sum = total(items);', '`eslint-disable`'],
    ['const sum = total(items as any);', '`as any`'],
    ['/* istanbul ignore next */\n  const sum = total(items);', 'a coverage ignore comment'],
  ])('blocks %j', async (replacement, label) => {
    const f = await ruleFindings('suppressions', { 'src/price.ts': ts }, { 'src/price.ts': ts.replace('const sum = total(items);', replacement) });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', file: 'src/price.ts', line: 4, message: `suppression added: ${label}` })]);
  });

  it('asks for approval for a double cast', async () => {
    const f = await ruleFindings('suppressions', { 'src/price.ts': ts }, { 'src/price.ts': ts.replace('total(items)', 'total(items as unknown as Item[])') });
    expect(f[0]).toMatchObject({ severity: 'approval', message: 'suppression added: `as unknown as` (a forced cast)' });
  });

  it('does not read strings as comments', async () => {
    const f = await ruleFindings('suppressions', { 'src/price.ts': ts }, { 'src/price.ts': ts.replace('const sum', "const note = '// @ts-ignore is banned';\n  const sum") });
    expect(f).toEqual([]);
  });

  it('blocks Python and Go suppressions', async () => {
    const py = 'def area(r):\n    return 3.14 * r * r\n';
    const pf = await ruleFindings('suppressions', { 'geo.py': py }, { 'geo.py': py.replace('return 3.14 * r * r', 'return 3.14 * r * r  # type: ignore[operator]') });
    expect(pf).toEqual([expect.objectContaining({ line: 2, message: 'suppression added: `# type: ignore`' })]);
    const noqa = await ruleFindings('suppressions', { 'geo.py': py }, { 'geo.py': `import os  # noqa: F401\n${py}` });
    expect(noqa[0]!.message).toBe('suppression added: `# noqa`');
    const go = 'package geo\n\nfunc Area(r float64) float64 {\n\treturn 3.14 * r * r\n}\n';
    const gf = await ruleFindings('suppressions', { 'geo/area.go': go }, { 'geo/area.go': go.replace('func Area', '//nolint:gocritic\nfunc Area') });
    expect(gf).toEqual([expect.objectContaining({ line: 3, message: 'suppression added: `//nolint`' })]);
  });

  it('does not count a suppression that already existed and moved', async () => {
    const base = `// @ts-ignore\nconst a = 1;\n${ts}`;
    const head = `${ts}// @ts-ignore\nconst a = 1;\n`;
    expect(await ruleFindings('suppressions', { 'src/price.ts': base }, { 'src/price.ts': head })).toEqual([]);
  });
});
