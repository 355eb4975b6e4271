import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, fixContext, fixtureSandboxes, NODE_MODULES, run, type Worktree } from '../shared/testing/temp-repo.js';
import { buildLogEvents } from '../shared/testing/tool-events.js';
import { lintFixFixer } from './index.js';

const sandboxes = fixtureSandboxes();

const setup = (fixture: string, linkNodeModules = false): Worktree => sandboxes.open(fixture, { linkNodeModules }).wt;

const eslint = (dir: string, ...args: string[]) => run(path.join(NODE_MODULES, '.bin', 'eslint'), args, dir);
const prettier = (dir: string, ...args: string[]) => run(path.join(NODE_MODULES, '.bin', 'prettier'), args, dir);

describe('lint-fix with the project\'s own eslint', () => {
  it('runs eslint --fix on the failing file only; eslint then passes on it and the other file is untouched', async () => {
    const wt = setup('lint-js', true);
    const all = buildLogEvents(eslint(wt.dir, 'src', '--format', 'json').stdout, wt.dir, 'eslint');
    expect(all.map((e) => `${e.file}:${e.error_code}`).sort()).toEqual(['src/other.js:prefer-const', 'src/total.js:no-var', 'src/total.js:prefer-const', 'src/undefined.js:no-undef']);
    const events = all.filter((e) => e.file === 'src/total.js');
    expect(lintFixFixer.appliesTo(fixContext(wt.dir, events).cluster, events)).toBe(true);

    const result = await lintFixFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringContaining('eslint: src/total.js') });
    expect(wt.diff()).toBe(
      [
        'diff --git a/src/total.js b/src/total.js',
        '--- a/src/total.js',
        '+++ b/src/total.js',
        '@@ -1,7 +1,7 @@',
        ' export function total(items) {',
        '   let sum = 0;',
        '   for (const item of items) sum += item;',
        "-  var label = 'total';",
        "-  let unit = 'EUR';",
        "+  const label = 'total';",
        "+  const unit = 'EUR';",
        '   return `${label}: ${sum} ${unit}`;',
        ' }',
        '',
      ].join('\n'),
    );
    expect(eslint(wt.dir, 'src/total.js').code).toBe(0);
  });

  it('refuses when the rule has no automatic fix (eslint changes nothing)', async () => {
    const wt = setup('lint-js', true);
    const events = buildLogEvents(eslint(wt.dir, 'src/undefined.js', '--format', 'json').stdout, wt.dir, 'eslint');
    expect(events.map((e) => e.error_code)).toEqual(['no-undef']);
    const result = await lintFixFixer.propose(fixContext(wt.dir, events));
    expect(result).toEqual({ kind: 'unfixable', reason: 'eslint changed nothing in src/undefined.js (rules no-undef have no automatic fix)' });
    expect(wt.diff()).toBe('');
  });
});

describe('lint-fix with prettier and gofmt', () => {
  it('reads the files from a failed `prettier --check` and formats only those with the project config', async () => {
    const wt = setup('lint-js', true);
    const check = prettier(wt.dir, '--check', 'src/format.js');
    expect(check.code).toBe(1);
    // The shape the runners give a failed lint script whose output no extractor reads (commandFailed).
    const event = failure({ kind: 'lint', framework: 'npm', error_class: 'CommandFailed', message: `npm run lint exited with code 1:\n${check.out.trim()}`, stack: check.out });
    const result = await lintFixFixer.propose(fixContext(wt.dir, [event]));
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringContaining('prettier: src/format.js') });
    expect(wt.diff()).toBe(
      [
        'diff --git a/src/format.js b/src/format.js',
        '--- a/src/format.js',
        '+++ b/src/format.js',
        '@@ -1 +1,3 @@',
        '-export const greet = (name)=>{ return "hello " + name }',
        '+export const greet = (name) => {',
        "+  return 'hello ' + name;",
        '+};',
        '',
      ].join('\n'),
    );
    expect(prettier(wt.dir, '--check', 'src/format.js').code).toBe(0);
    expect(readFileSync(path.join(wt.dir, 'src/format-other.js'), 'utf8')).toBe('export const wave = (name)=>{ return "bye " + name }\n');
  });

  it('gofmt -w on the file gofmt -l listed; go test still passes', async () => {
    const wt = setup('go-fmt');
    const listedFiles = run('gofmt', ['-l', '.'], wt.dir).stdout.trim().split('\n');
    expect(listedFiles).toEqual(['add.go']);
    const events = listedFiles.map((f) => failure({ kind: 'lint', framework: 'gofmt', file: f, message: `${f} is not gofmt-ed` }));
    expect(await lintFixFixer.propose(fixContext(wt.dir, events))).toMatchObject({ kind: 'edited' });
    expect(wt.diff()).toContain(['-func Add(a int,b int) int {', '-  return a+b', '+func Add(a int, b int) int {', '+\treturn a + b'].join('\n'));
    expect(run('gofmt', ['-l', '.'], wt.dir).stdout).toBe('');
    expect(run('go', ['test', './...'], wt.dir).code).toBe(0);
  });

  it('passes on failures that are not lint or format failures', async () => {
    const wt = setup('go-fmt');
    const events = [failure({ message: 'expected 1 to be 2', file: 'add.go', line: 3 })];
    expect(lintFixFixer.appliesTo(fixContext(wt.dir, events).cluster, events)).toBe(false);
    expect(await lintFixFixer.propose(fixContext(wt.dir, events))).toMatchObject({ kind: 'pass' });
  });
});
