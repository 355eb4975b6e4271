import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goTestEvents } from '../shared/testing/tool-events.js';
import { fixContext, fixtureSandboxes, run, type TempRepo, type Worktree } from '../shared/testing/temp-repo.js';
import { didYouMeanFixer } from './index.js';

const sandboxes = fixtureSandboxes();

const setup = (fixture: string, linkNodeModules = false): { repo: TempRepo; wt: Worktree } => sandboxes.open(fixture, { linkNodeModules });

describe('did-you-mean on a real Go package (go 1.19 prints no suggestion: near misses in scope)', () => {
  it('fixes an undefined local, a misspelt method of a local type and a misspelt package function; go test then passes', async () => {
    const { wt } = setup('go-typo');
    const before = run('go', ['test', './...'], wt.dir);
    expect(before.code).not.toBe(0);
    const events = (await goTestEvents(before.out, wt.dir)).filter((e) => /undefined/.test(e.message));
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
    const events = (await goTestEvents(run('go', ['test', './...'], wt.dir).out, wt.dir)).filter((e) => e.message === 'undefined: valx');
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
    const events = (await goTestEvents(run('go', ['test', './...'], wt.dir).out, wt.dir)).filter((e) => e.message === 'undefined: limt');
    expect(events).toHaveLength(1);
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('unfixable');
    expect(result.kind === 'unfixable' && result.reason).toMatch(/no name within 1 edit\(s\) of 'limt' is in scope/);
  });
});

