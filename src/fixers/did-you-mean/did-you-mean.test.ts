import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cargoEvents, goEvents, tscEvents } from '../shared/testing/tool-events.js';
import { fixContext, run, tempRepo, tsc, vitest, worktreeOf, type TempRepo, type Worktree } from '../shared/testing/temp-repo.js';
import { didYouMeanFixer } from './index.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(fixture: string, linkNodeModules = false): { repo: TempRepo; wt: Worktree } {
  const repo = tempRepo(fixture, { linkNodeModules });
  const wt = worktreeOf(repo);
  cleanups.push(() => repo.cleanup(), () => wt.cleanup());
  return { repo, wt };
}

describe('did-you-mean on a real TypeScript project', () => {
  it("applies tsc's own suggestions (TS2552, TS2551) and the project then type-checks and its vitest suite passes", async () => {
    const { wt } = setup('ts-typo', true);
    const before = tsc(wt.dir);
    expect(before.code).not.toBe(0);
    expect(vitest(wt.dir).code).not.toBe(0);
    const events = tscEvents(before.stdout);
    expect(events.map((e) => e.error_code)).toEqual(['TS2552', 'TS2551']);
    expect(didYouMeanFixer.appliesTo(fixContext(wt.dir, events).cluster, events)).toBe(true);

    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('edited');
    expect(wt.diff()).toContain(
      [
        '@@ -5,9 +5,9 @@ export interface Size {',
        ' ',
        ' export function nextCount(current: number): number {',
        '   const counter = current + 1;',
        '-  return countr;',
        '+  return counter;',
        ' }',
        ' ',
        ' export function area(s: Size): number {',
        '-  return s.width * s.heigth;',
        '+  return s.width * s.height;',
        ' }',
      ].join('\n'),
    );
    expect(tsc(wt.dir).code).toBe(0);
    expect(vitest(wt.dir).code).toBe(0);
  });

  it('refuses a suggestion whose position no longer holds the token (stale) and changes nothing', async () => {
    const { wt } = setup('ts-typo');
    const events = tscEvents("src/counter.ts(8,10): error TS2552: Cannot find name 'countr'. Did you mean 'counter'?");
    const file = path.join(wt.dir, 'src/counter.ts');
    // The file moved on since the failure was recorded: a line was inserted above.
    writeFileSync(file, `// header\n${readFileSync(file, 'utf8')}`);
    const edited = readFileSync(file, 'utf8');
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'unfixable' });
    expect(result.kind === 'unfixable' && result.reason).toMatch(/stale position/);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('refuses two events that suggest different names for the same token', async () => {
    const { wt } = setup('ts-typo');
    const events = [
      ...tscEvents("src/counter.ts(8,10): error TS2552: Cannot find name 'countr'. Did you mean 'counter'?"),
      ...tscEvents("src/counter.ts(8,10): error TS2552: Cannot find name 'countr'. Did you mean 'country'?"),
    ];
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('unfixable');
    expect(result.kind === 'unfixable' && result.reason).toMatch(/conflicting suggestions 'counter' \/ 'country'/);
    expect(wt.diff()).toBe('');
  });

  it('passes on failures that carry no suggestion', async () => {
    const { wt } = setup('ts-typo');
    const events = tscEvents("src/counter.ts(12,22): error TS2339: Property 'heigth' does not exist on type 'Size'.");
    expect(didYouMeanFixer.appliesTo(fixContext(wt.dir, events).cluster, events)).toBe(false);
    expect(await didYouMeanFixer.propose(fixContext(wt.dir, events))).toMatchObject({ kind: 'pass' });
  });
});

describe('did-you-mean on a real Go package (go 1.19 prints no suggestion: near misses in scope)', () => {
  it('fixes an undefined local, a misspelt method of a local type and a misspelt package function; go test then passes', async () => {
    const { wt } = setup('go-typo');
    const before = run('go', ['test', './...'], wt.dir);
    expect(before.code).not.toBe(0);
    const events = goEvents(before.out).filter((e) => /undefined/.test(e.message));
    expect(events.map((e) => e.message)).toEqual(['undefined: countr', 'undefined: strings.ToUpperr', 'p.Gret undefined (type Person has no field or method Gret)']);

    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('edited');
    expect(wt.diff()).toContain(
      [
        ' func Next(total int) int {',
        ' \tcounter := total + 1',
        '-\treturn countr',
        '+\treturn counter',
        ' }',
        ' ',
        ' // Shout greets loudly.',
        ' func Shout(p Person) string {',
        '-\treturn strings.ToUpperr(p.Gret())',
        '+\treturn strings.ToUpper(p.Greet())',
        ' }',
      ].join('\n'),
    );
    expect(run('go', ['test', './...'], wt.dir).code).toBe(0);
  });

  it('refuses a name equally close to two names in scope', async () => {
    const { repo, wt } = setup('go-typo');
    void repo;
    writeFileSync(
      path.join(wt.dir, 'pick.go'),
      'package shapes\n\nfunc Pick() int {\n\tval1, val2 := 1, 2\n\t_ = val2\n\treturn valx + val1\n}\n',
    );
    const out = run('go', ['vet', './...'], wt.dir).out + run('go', ['build', './...'], wt.dir).out;
    const events = goEvents(out).filter((e) => e.message === 'undefined: valx');
    expect(events).toHaveLength(1);
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('unfixable');
    expect(result.kind === 'unfixable' && result.reason).toMatch(/equally close to 'val1', 'val2': ambiguous/);
  });

  it('does not suggest a name declared only after the use or in another function', async () => {
    const { wt } = setup('go-typo');
    writeFileSync(
      path.join(wt.dir, 'later.go'),
      'package shapes\n\nfunc other() int { limit := 3; return limit }\n\nfunc Later() int {\n\tx := limt\n\tlimits := 2\n\treturn x + limits\n}\n',
    );
    const events = goEvents(run('go', ['build', './...'], wt.dir).out).filter((e) => e.message === 'undefined: limt');
    expect(events).toHaveLength(1);
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('unfixable');
    expect(result.kind === 'unfixable' && result.reason).toMatch(/no name within 1 edit\(s\) of 'limt' is in scope/);
  });
});

describe('did-you-mean on a real Cargo crate', () => {
  it("applies rustc's similar-name suggestions from cargo's JSON spans; cargo test then passes", async () => {
    const { wt } = setup('rs-typo');
    const target = path.join(wt.dir, '..', 'target');
    const before = run('cargo', ['build'], wt.dir, { CARGO_TARGET_DIR: target });
    expect(before.code).not.toBe(0);
    const events = cargoEvents(before.stderr);
    expect(events.map((e) => e.error_code)).toEqual(['E0425', 'E0609']);
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('edited');
    expect(wt.diff()).toContain(
      [
        '     let counter = total + 1;',
        '-    countr',
        '+    counter',
        ' }',
        ' ',
        ' pub fn greet(p: &Person) -> String {',
        '-    format!("hello {}", p.nme)',
        '+    format!("hello {}", p.name)',
        ' }',
      ].join('\n'),
    );
    expect(run('cargo', ['test', '-q'], wt.dir, { CARGO_TARGET_DIR: target }).code).toBe(0);
  }, 240_000);
});
