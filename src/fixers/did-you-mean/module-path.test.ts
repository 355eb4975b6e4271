import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixContext, fixtureSandboxes, run, type Worktree } from '../shared/testing/temp-repo.js';
import { buildLogEvents } from '../shared/testing/tool-events.js';
import { didYouMeanFixer } from './index.js';

const sandboxes = fixtureSandboxes();

const setup = (fixture: string): Worktree => sandboxes.open(fixture).wt;

describe('did-you-mean on a misspelt relative import', () => {
  it("corrects './utills.js' to the one module next to it that is one edit away; node --test then passes", async () => {
    const wt = setup('js-path');
    expect(run(process.execPath, ['--test'], wt.dir).code).not.toBe(0);
    const events = buildLogEvents(run(process.execPath, ['src/app.js'], wt.dir).stderr, wt.dir, 'node');
    expect(events).toMatchObject([{ error_code: 'ERR_MODULE_NOT_FOUND' }]);
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringContaining("'./utills.js' -> './utils.js'") });
    expect(wt.diff()).toBe(
      ['diff --git a/src/app.js b/src/app.js', '--- a/src/app.js', '+++ b/src/app.js', '@@ -1,4 +1,4 @@', "-import { double } from './utills.js';", "+import { double } from './utils.js';", ' ', ' export function quadruple(x) {', '   return double(double(x));', ''].join('\n'),
    );
    expect(run(process.execPath, ['--test'], wt.dir).code).toBe(0);
  });

  it('refuses when two modules are equally close', async () => {
    const wt = setup('js-path');
    writeFileSync(path.join(wt.dir, 'src/util.js'), 'export const double = (x) => x + x;\n');
    writeFileSync(path.join(wt.dir, 'src/app.js'), readFileSync(path.join(wt.dir, 'src/app.js'), 'utf8').replace('./utills.js', './utilz.js'));
    const events = buildLogEvents(run(process.execPath, ['src/app.js'], wt.dir).stderr, wt.dir, 'node');
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'unfixable', reason: expect.stringContaining("'utilz' is equally close to 'util', 'utils': ambiguous") });
  });

  it('corrects a misspelt local Python module in the import statement', async () => {
    const wt = setup('py-typo');
    writeFileSync(path.join(wt.dir, 'report.py'), 'from shapez import total\n\n\ndef report(values):\n    return f"total={total(values)}"\n');
    const events = buildLogEvents(run('python3', ['-c', 'import report'], wt.dir).stderr, wt.dir, 'python');
    expect(events).toMatchObject([{ error_class: 'ModuleNotFoundError', message: "No module named 'shapez'" }]);
    expect(await didYouMeanFixer.propose(fixContext(wt.dir, events))).toMatchObject({ kind: 'edited' });
    expect(readFileSync(path.join(wt.dir, 'report.py'), 'utf8')).toMatch(/^from shapes import total\n/);
  });

  it('says nothing about a package name with no local near miss (missing-dependency handles it)', async () => {
    const wt = setup('js-path');
    const events = buildLogEvents(`Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'left-pad' imported from ${path.join(wt.dir, 'src/app.js')}\n`, wt.dir, 'node');
    expect(didYouMeanFixer.appliesTo(fixContext(wt.dir, events).cluster, events)).toBe(false);
  });
});
