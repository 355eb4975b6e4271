import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

describe('snapshot-rewrites', () => {
  it.each([
    'test/__snapshots__/render.test.ts.snap',
    'tests/__snapshots__/test_render.ambr',
    'src/snapshots/app__render.snap',
    'testdata/render.golden',
  ])('blocks a rewritten %s', async (p) => {
    const f = await ruleFindings('snapshot-rewrites', { [p]: 'exports[`a`] = `<b>old</b>`;\n' }, { [p]: 'exports[`a`] = `<b>new</b>`;\n' });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', file: p, message: 'snapshot file rewritten (1 lines removed, 1 added)' })]);
  });

  it('blocks a deleted snapshot but not a new one', async () => {
    const p = 'test/__snapshots__/a.test.ts.snap';
    expect((await ruleFindings('snapshot-rewrites', { [p]: 'x\n' }, { [p]: null }))[0]!.message).toMatch(/^snapshot file deleted/);
    expect(await ruleFindings('snapshot-rewrites', {}, { [p]: 'x\n' })).toEqual([]);
  });

  it('blocks a rewritten inline snapshot, also when only its body lines changed', async () => {
    const base = "it('renders', () => {\n  expect(render()).toMatchInlineSnapshot(`\"<b>old</b>\"`);\n});\n";
    const f = await ruleFindings('snapshot-rewrites', { 'test/r.test.ts': base }, { 'test/r.test.ts': base.replace('old', 'new') });
    expect(f).toEqual([expect.objectContaining({ line: 2, message: 'inline snapshot rewritten to match the new output' })]);
    const multi = "it('renders', () => {\n  expect(render()).toMatchInlineSnapshot(`\n    <b>old</b>\n  `);\n});\n";
    const g = await ruleFindings('snapshot-rewrites', { 'test/r.test.ts': multi }, { 'test/r.test.ts': multi.replace('old', 'new') });
    expect(g).toHaveLength(1);
  });

  it('blocks an update-snapshots flag added to scripts', async () => {
    const pkg = '{\n  "scripts": {\n    "test": "vitest run"\n  }\n}\n';
    const f = await ruleFindings('snapshot-rewrites', { 'package.json': pkg }, { 'package.json': pkg.replace('vitest run', 'vitest run -u') });
    expect(f).toEqual([expect.objectContaining({ line: 3 })]);
    const sh = 'set -eu\npytest\n';
    expect(await ruleFindings('snapshot-rewrites', { 'scripts/test.sh': sh }, { 'scripts/test.sh': sh.replace('pytest', 'pytest --snapshot-update') })).toHaveLength(1);
    expect(await ruleFindings('snapshot-rewrites', { 'scripts/test.sh': sh }, { 'scripts/test.sh': `${sh}sort -u out.txt\n` })).toEqual([]);
  });
});
