import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { didYouMeanFixer } from '../did-you-mean/index.js';
import { fixContext, run, tempRepo, worktreeOf, type Worktree } from '../shared/testing/temp-repo.js';
import { goTestEvents } from '../shared/testing/tool-events.js';
import { goImportsFixer } from './index.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(drop: string[] = []): Worktree {
  const repo = tempRepo('go-imports');
  const wt = worktreeOf(repo);
  cleanups.push(() => repo.cleanup(), () => wt.cleanup());
  for (const f of drop) rmSync(path.join(wt.dir, f));
  return wt;
}

async function buildEvents(dir: string) {
  const r = run('go', ['test', './...'], dir);
  expect(r.code).not.toBe(0);
  return goTestEvents(r.out, dir);
}

const read = (wt: Worktree, f: string) => readFileSync(path.join(wt.dir, f), 'utf8');

describe('go-imports on a real Go module (go build names the package, goimports-style fix)', () => {
  it('imports standard library and module packages into a block, into a block made of a one-line import, or after the package clause; gofmt; go test passes', async () => {
    const wt = setup(['page.go']);
    const events = (await buildEvents(wt.dir)).filter((e) => e.message.startsWith('undefined:'));
    expect(events.map((e) => e.message).sort()).toEqual(['undefined: pricing', 'undefined: rand', 'undefined: strings', 'undefined: strings']);
    expect(goImportsFixer.appliesTo(fixContext(wt.dir, events).cluster, events)).toBe(true);

    const result = await goImportsFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited' });
    expect(result.kind === 'edited' && result.summary).toContain('pick.go: import "math/rand" for rand.New, rand.NewSource');
    // Into the existing block, sorted by gofmt.
    expect(read(wt, 'labels.go')).toMatch(/^package shop\n\nimport \(\n\t"fmt"\n\t"strings"\n\)\n/);
    // Beside a single-line import; math/rand, not crypto/rand (which exports neither New nor NewSource).
    expect(read(wt, 'pick.go')).toMatch(/^package shop\n\nimport \(\n\t"math\/rand"\n\t"sort"\n\t"strings"\n\)\n\n\/\/ Pick/);
    // A package of the module itself, after the package clause of a file with no imports.
    expect(read(wt, 'sale.go')).toBe('package shop\n\nimport "example.com/shop/pricing"\n\n// SalePrice is the price during the sale: 20% off.\nfunc SalePrice(cents int) int {\n\treturn pricing.Discount(cents, 20)\n}\n');
    const after = run('go', ['test', './...'], wt.dir);
    expect(after.out).toContain('ok  \texample.com/shop');
    expect(after.code).toBe(0);
  });

  it('refuses a name two packages fit (html/template and text/template both export Must and New), still importing the certain ones', async () => {
    const wt = setup();
    const events = (await buildEvents(wt.dir)).filter((e) => e.message === 'undefined: bytes' || e.message === 'undefined: template');
    expect(events.map((e) => e.message)).toEqual(['undefined: bytes', 'undefined: template']);
    const result = await goImportsFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited' });
    expect(result.kind === 'edited' && result.summary).toMatch(/refused: page\.go: html\/template and text\/template all export template\.Must, template\.New: ambiguous/);
    expect(read(wt, 'page.go')).toMatch(/^package shop\n\nimport "bytes"\n\n/);
    expect(read(wt, 'page.go')).not.toContain('/template"');
  });

  it('passes on an undefined name that is not a qualifier, and refuses a qualifier no package is named after', async () => {
    const wt = setup(['page.go', 'pick.go', 'labels.go']);
    const sale = path.join(wt.dir, 'sale.go');
    const src = read(wt, 'sale.go');
    // A plain undefined name (a typo of `cents`): not this fixer's business.
    writeFileSync(sale, src.replace('return pricing.Discount(cents, 20)', 'return cent'));
    let events = await buildEvents(wt.dir);
    expect(events.map((e) => e.message)).toContain('undefined: cent');
    expect(await goImportsFixer.propose(fixContext(wt.dir, events.filter((e) => e.message === 'undefined: cent')))).toMatchObject({ kind: 'pass' });
    writeFileSync(sale, src.replace('pricing.Discount', 'discounts.Apply'));
    events = (await buildEvents(wt.dir)).filter((e) => e.message === 'undefined: discounts');
    expect(await goImportsFixer.propose(fixContext(wt.dir, events))).toMatchObject({ kind: 'unfixable', reason: "sale.go: no standard library or module package is named 'discounts'" });
  });

  it('did-you-mean never turns an unimported package qualifier into a predeclared name (strings -> string)', async () => {
    const wt = setup(['page.go', 'pick.go', 'sale.go']);
    const events = (await buildEvents(wt.dir)).filter((e) => e.message === 'undefined: strings');
    expect(events).toHaveLength(1);
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).not.toBe('edited');
    expect(read(wt, 'labels.go')).toContain('strings.ToUpper(name)');
  });
});
