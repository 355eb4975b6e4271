import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cargoEvents } from '../shared/testing/tool-events.js';
import { fixContext, fixtureSandboxes, run, type TempRepo, type Worktree } from '../shared/testing/temp-repo.js';
import { didYouMeanFixer } from './index.js';

const sandboxes = fixtureSandboxes();

const setup = (fixture: string, linkNodeModules = false): { repo: TempRepo; wt: Worktree } => sandboxes.open(fixture, { linkNodeModules });

describe('did-you-mean on a real Cargo crate', () => {
  it("applies rustc's similar-name suggestions from cargo's JSON spans; cargo test then passes", async () => {
    const { wt } = setup('rs-typo');
    const target = path.join(wt.dir, '..', 'target');
    const before = run('cargo', ['build'], wt.dir, { CARGO_TARGET_DIR: target });
    expect(before.code).not.toBe(0);
    const events = cargoEvents(before.stderr, wt.dir);
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
