import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixContext, fixtureSandboxes, git, tempRepo, tsc, vitest, type Worktree } from '../shared/testing/temp-repo.js';
import { tscEvents, vitestEvents } from '../shared/testing/tool-events.js';
import { tsCodefixFixer } from './index.js';
import { TsProject } from './project.js';

const sandboxes = fixtureSandboxes();

const setup = (fixture = 'ts-codefix'): Worktree => sandboxes.open(fixture, { linkNodeModules: true }).wt;

describe('ts-codefix on a real TypeScript project', () => {
  // tsc's output on the untouched fixture, computed once: several tests start from the same diagnostics.
  let fixtureTsc = '';
  beforeAll(() => {
    const repo = tempRepo('ts-codefix', { linkNodeModules: true });
    fixtureTsc = tsc(repo.dir).stdout;
    repo.cleanup();
  });
  afterAll(() => {
    fixtureTsc = '';
  });

  it('adds the missing import and the missing await for the failing diagnostics; tsc is then clean except the untouched one', async () => {
    const wt = setup();
    const events = tscEvents(fixtureTsc, wt.dir).filter((e) => e.error_code !== 'TS2420');
    expect(events.map((e) => e.error_code)).toEqual(['TS2365', 'TS2304']);
    const result = await tsCodefixFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('edited');
    expect(wt.diff()).toBe(
      [
        'diff --git a/src/load.ts b/src/load.ts',
        '--- a/src/load.ts',
        '+++ b/src/load.ts',
        '@@ -3,6 +3,6 @@ export async function fetchCount(): Promise<number> {',
        ' }',
        ' ',
        ' export async function nextCount(): Promise<number> {',
        '-  const count = fetchCount();',
        '+  const count = await fetchCount();',
        '   return count + 1;',
        ' }',
        'diff --git a/src/score.ts b/src/score.ts',
        '--- a/src/score.ts',
        '+++ b/src/score.ts',
        '@@ -1,3 +1,5 @@',
        // The project imports with .ts extensions (allowImportingTsExtensions) and single quotes: so does the fix.
        "+import { clamp } from './range.ts';",
        '+',
        ' export function score(raw: number): number {',
        '   return clamp(raw, 0, 100);',
        ' }',
        '',
      ].join('\n'),
    );
    const after = tscEvents(tsc(wt.dir).stdout, wt.dir);
    expect(after.map((e) => e.error_code)).toEqual(['TS2420']);
    expect(vitest(wt.dir).code).toBe(0);
  });

  it('diagnoses a JS runtime failure (vitest ReferenceError) with the checker at the failing line and imports the name', async () => {
    const wt = setup();
    const run = await vitestEvents(wt.dir);
    const ref = run.events.filter((e) => e.error_class === 'ReferenceError');
    expect(ref.map((e) => e.message)).toEqual(['clamp is not defined']);
    expect(tsCodefixFixer.appliesTo(fixContext(wt.dir, ref).cluster, ref)).toBe(true);
    const result = await tsCodefixFixer.propose(fixContext(wt.dir, ref));
    expect(result).toMatchObject({ kind: 'edited' });
    expect(wt.diff()).toContain("+import { clamp } from './range.ts';\n");
    expect(wt.diff()).not.toContain('src/load.ts');
  });

  it('never applies a fix that only stubs or silences: a class missing an interface member is refused', async () => {
    const wt = setup();
    const events = tscEvents(fixtureTsc, wt.dir).filter((e) => e.error_code === 'TS2420');
    const result = await tsCodefixFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('unfixable');
    expect(result.kind === 'unfixable' && result.reason).toMatch(/only unsafe fixes offered: fixClassIncorrectlyImplementsInterface: adds members that throw/);
    expect(wt.diff()).toBe('');
  });

  it('refuses @ts-ignore in a checked JS file (disableJsDiagnostics is never chosen)', async () => {
    const wt = setup();
    writeFileSync(path.join(wt.dir, 'src', 'legacy.js'), '// @ts-check\n/** @param {number} n */\nexport function twice(n) {\n  return n.toFxed(2);\n}\n');
    const events = tscEvents(tsc(wt.dir, '--allowJs').stdout, wt.dir).filter((e) => e.file === 'src/legacy.js');
    expect(events.map((e) => e.error_code)).toEqual(['TS2551']);
    // The spelling fix is safe and wins; the @ts-ignore variants the service also offers are refused.
    const result = await tsCodefixFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited' });
    expect(readFileSync(path.join(wt.dir, 'src', 'legacy.js'), 'utf8')).toBe('// @ts-check\n/** @param {number} n */\nexport function twice(n) {\n  return n.toFixed(2);\n}\n');
  });

  it('refuses an import that two modules could satisfy (ambiguous)', async () => {
    const wt = setup();
    writeFileSync(path.join(wt.dir, 'src', 'limits.ts'), 'export function clamp(v: number, lo: number, hi: number): number {\n  return v < lo ? lo : v > hi ? hi : v;\n}\n');
    const events = tscEvents(fixtureTsc, wt.dir).filter((e) => e.error_code === 'TS2304');
    const result = await tsCodefixFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('unfixable');
    expect(result.kind === 'unfixable' && result.reason).toMatch(/2 different 'import' fixes .*: ambiguous/);
  });

  it('keeps its language service across calls and sees exactly what the sandbox reset or rewrote in between', async () => {
    const wt = setup();
    const score = path.join(wt.dir, 'src', 'score.ts');
    const first = TsProject.acquire(score, wt.dir, false, new Map());
    expect(TsProject.acquire(score, wt.dir, false, new Map())).toBe(first);
    const events = tscEvents(fixtureTsc, wt.dir).filter((e) => e.error_code === 'TS2304');
    expect(await tsCodefixFixer.propose(fixContext(wt.dir, events))).toMatchObject({ kind: 'edited' });
    expect(wt.diff()).toContain("+import { clamp } from './range.ts';");
    // The next attempt: the sandbox resets the files, then the code differs from what the service parsed.
    git(wt.dir, 'checkout', '-q', '--', '.');
    writeFileSync(path.join(wt.dir, 'src', 'range.ts'), readFileSync(path.join(wt.dir, 'src', 'range.ts'), 'utf8').replace('function clamp(', 'function clampValue('));
    writeFileSync(score, readFileSync(score, 'utf8').replace('clamp(raw', 'clampValue(raw'));
    // tsc's own line for it (the first test already runs tsc on this fixture for real).
    const renamed = tscEvents("src/score.ts(2,10): error TS2304: Cannot find name 'clampValue'.", wt.dir);
    expect(await tsCodefixFixer.propose(fixContext(wt.dir, renamed))).toMatchObject({ kind: 'edited' });
    expect(readFileSync(score, 'utf8')).toMatch(/^import \{ clampValue \} from '\.\/range\.ts';\n/);
    expect(TsProject.acquire(score, wt.dir, false, new Map())).toBe(first);
  });

  it('refuses a diagnostic the service no longer reports at that position (stale)', async () => {
    const wt = setup();
    const events = tscEvents("src/score.ts(1,10): error TS2304: Cannot find name 'clamp'.", wt.dir);
    const result = await tsCodefixFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('unfixable');
    expect(result.kind === 'unfixable' && result.reason).toMatch(/stale position/);
  });
});
