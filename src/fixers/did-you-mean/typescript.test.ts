import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tscEvents } from '../shared/testing/tool-events.js';
import { fixContext, fixtureSandboxes, type TempRepo, tsc, vitest, type Worktree } from '../shared/testing/temp-repo.js';
import { didYouMeanFixer } from './index.js';

const sandboxes = fixtureSandboxes();

const setup = (fixture: string, linkNodeModules = false): { repo: TempRepo; wt: Worktree } => sandboxes.open(fixture, { linkNodeModules });

describe('did-you-mean on a real TypeScript project', () => {
  it("applies tsc's own suggestions (TS2552, TS2551) and the project then type-checks and its vitest suite passes", async () => {
    const { wt } = setup('ts-typo', true);
    const before = tsc(wt.dir);
    expect(before.code).not.toBe(0);
    expect(vitest(wt.dir).code).not.toBe(0);
    const events = tscEvents(before.stdout, wt.dir);
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
    const events = tscEvents("src/counter.ts(8,10): error TS2552: Cannot find name 'countr'. Did you mean 'counter'?", wt.dir);
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
      ...tscEvents("src/counter.ts(8,10): error TS2552: Cannot find name 'countr'. Did you mean 'counter'?", wt.dir),
      ...tscEvents("src/counter.ts(8,10): error TS2552: Cannot find name 'countr'. Did you mean 'country'?", wt.dir),
    ];
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('unfixable');
    expect(result.kind === 'unfixable' && result.reason).toMatch(/conflicting suggestions 'counter' \/ 'country'/);
    expect(wt.diff()).toBe('');
  });

  it('passes on failures that carry no suggestion', async () => {
    const { wt } = setup('ts-typo');
    const events = tscEvents("src/counter.ts(12,22): error TS2339: Property 'heigth' does not exist on type 'Size'.", wt.dir);
    expect(didYouMeanFixer.appliesTo(fixContext(wt.dir, events).cluster, events)).toBe(false);
    expect(await didYouMeanFixer.propose(fixContext(wt.dir, events))).toMatchObject({ kind: 'pass' });
  });
});

