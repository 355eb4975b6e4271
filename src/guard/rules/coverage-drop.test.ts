import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/guard/cov/', import.meta.url));
const src = 'function cents(text) {\n  return 1;\n}\n';

describe('coverage-drop', () => {
  it('blocks a patch whose touched file lost coverage (real jest reports)', async () => {
    const f = await ruleFindings('coverage-drop', { 'src/price.js': src }, { 'src/price.js': src.replace('1', '2') }, { coverage: { base: `${dir}jest-base/lcov.info`, head: `${dir}jest-head/lcov.info` } });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', file: 'src/price.js', message: 'line coverage of src/price.js dropped 100.0% → 77.8%' })]);
  });

  it('reads the report paths from the policy, and allows a tolerance', async () => {
    const config = { guard: { coverage: { base: `${dir}coveragepy-base/coverage.json`, head: `${dir}coveragepy-head/coverage.json`, tolerance: 35 } } };
    expect(await ruleFindings('coverage-drop', { 'shop/price.py': 'x = 1\n' }, { 'shop/price.py': 'x = 2\n' }, { config })).toEqual([]);
    config.guard.coverage.tolerance = 10;
    expect(await ruleFindings('coverage-drop', { 'shop/price.py': 'x = 1\n' }, { 'shop/price.py': 'x = 2\n' }, { config })).toHaveLength(1);
  });

  it('ignores files the patch does not touch and enforces a global minimum', async () => {
    const cov = { base: `${dir}go-base/coverage.out`, head: `${dir}go-head/coverage.out` };
    expect(await ruleFindings('coverage-drop', { 'README.md': 'a\n' }, { 'README.md': 'b\n' }, { coverage: cov })).toEqual([]);
    const min = await ruleFindings('coverage-drop', { 'README.md': 'a\n' }, { 'README.md': 'b\n' }, { coverage: cov, config: { guard: { coverage: { min_total: 50 } } } });
    expect(min).toEqual([expect.objectContaining({ message: 'total line coverage 20.0% is under the minimum 50.0%' })]);
  });

  it('does nothing without reports', async () => {
    expect(await ruleFindings('coverage-drop', { 'src/price.js': src }, { 'src/price.js': src.replace('1', '2') })).toEqual([]);
  });
});
