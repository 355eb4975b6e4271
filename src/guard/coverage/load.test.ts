import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCoverage, lookup, parseCoverage } from './load.js';
import { filesUnder } from './below.js';
import { pct } from './types.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/guard/cov/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

// Real reports from test/fixtures/guard/cov/generate.sh: "base" runs every test, "head" drops some.
describe('coverage reports', () => {
  it.each([
    ['jest-base/lcov.info', 'lcov', 'src/price.js', 9, 9],
    ['jest-head/lcov.info', 'lcov', 'src/price.js', 7, 9],
    ['jest-base/coverage-summary.json', 'istanbul-summary', 'src/price.js', 9, 9],
    ['jest-head/coverage-summary.json', 'istanbul-summary', 'src/price.js', 7, 9],
    ['jest-head/coverage-final.json', 'istanbul-final', 'src/price.js', 7, 9],
    ['jest-head/cobertura-coverage.xml', 'cobertura', 'src/price.js', 7, 9],
    ['coveragepy-base/coverage.json', 'coverage.py', 'shop/price.py', 10, 10],
    ['coveragepy-head/coverage.json', 'coverage.py', 'shop/price.py', 7, 10],
    ['coveragepy-head/coverage.xml', 'cobertura', 'shop/price.py', 7, 10],
    ['go-base/coverage.out', 'go-cover', 'price.go', 14, 15],
    ['go-head/coverage.out', 'go-cover', 'price.go', 3, 15],
  ])('%s is read as %s with %s at %i/%i lines', async (file, format, rel, hit, found) => {
    const r = await loadCoverage(dir + file, root);
    expect(r.format).toBe(format);
    expect(lookup(r, rel)).toMatchObject({ hit, found });
  });

  it('agrees across formats written by the same run', async () => {
    const values = await Promise.all(['lcov.info', 'coverage-summary.json', 'coverage-final.json', 'cobertura-coverage.xml'].map(async (f) => pct(lookup(await loadCoverage(`${dir}jest-head/${f}`, root), 'src/price.js')!)));
    expect(new Set(values.map((v) => v.toFixed(2)))).toEqual(new Set(['77.78']));
  });

  it('makes paths under the root repo-relative', () => {
    const r = parseCoverage(`SF:${root}src/x.ts\nDA:1,1\nDA:2,0\nend_of_record\n`, root);
    expect([...r.files.keys()]).toEqual(['src/x.ts']);
    expect(pct(r.files.get('src/x.ts')!)).toBe(50);
  });

  it('lists files under a threshold, lowest first, optionally only some', async () => {
    const r = await loadCoverage(`${dir}coveragepy-head/coverage.json`, root);
    const under = filesUnder(r, 80);
    expect(under[0]).toMatchObject({ path: expect.stringContaining('_distutils_hack') });
    expect(under.map((u) => u.path)).toContain('shop/price.py');
    expect(filesUnder(r, 80, ['shop/price.py'])).toEqual([{ path: 'shop/price.py', pct: 70, hit: 7, found: 10 }]);
    expect(filesUnder(r, 60, ['shop/price.py'])).toEqual([]);
  });

  it('rejects what is not a coverage report with a clear error', () => {
    expect(() => parseCoverage('hello', root, 'x.txt')).toThrow(/x\.txt: cannot read coverage: unrecognised format/);
    expect(() => parseCoverage('{"files": ', root, 'c.json')).toThrow(/c\.json: cannot read coverage/);
  });

  it('names the missing file', async () => {
    await expect(loadCoverage('nope/lcov.info', root)).rejects.toThrow('cannot read coverage report nope/lcov.info: ENOENT');
  });
});
