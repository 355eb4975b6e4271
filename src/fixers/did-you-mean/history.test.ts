import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.js';
import type { FailureEvent } from '../../events/index.js';
import { detectPlan, runPlan } from '../../runners/index.js';
import { buildGoRenameHistory, buildPyRenameHistory, buildTsRenameHistory } from '../shared/testing/history.js';
import { fixContext, fixtureSandboxes, NODE_MODULES, run, tempRepo, type Worktree } from '../shared/testing/temp-repo.js';
import { didYouMeanFixer } from './index.js';
import { declares, findRename, renamedTo } from './rename-history.js';

const sandboxes = fixtureSandboxes();

const config = configSchema.parse({});

const setup = (fixture: string, history: (r: ReturnType<typeof tempRepo>) => unknown, linkNodeModules = false): Worktree =>
  sandboxes.open(fixture, { linkNodeModules, history }).wt;

async function failures(dir: string): Promise<FailureEvent[]> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'suture-dym-history-'));
  sandboxes.defer(() => rmSync(out, { recursive: true, force: true }));
  return (await runPlan(await detectPlan(dir, config), { runId: 'dym-history', outDir: out, flakyReruns: 0 })).events;
}

describe('did-you-mean from the history: a rename with stale uses is completed, not undone', () => {
  it('Go: `undefined: Add` after a commit renamed Add to Sum; the caller gets the new name and go test passes', async () => {
    const wt = setup('go-bisect', (r) => buildGoRenameHistory(r, { updateTests: true }));
    const events = (await failures(wt.dir)).filter((e) => e.message === 'undefined: Add' && e.kind === 'build');
    expect(events.length).toBeGreaterThan(0);
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringMatching(/'Add' -> 'Sum' \(history: [0-9a-f]{10} "calc: Add is now Sum" renamed it in calc\.go\)/) });
    expect(wt.diff()).toContain('-\treturn Add(x, x)\n+\treturn Sum(x, x)');
    expect(run('go', ['test', './...'], wt.dir).code).toBe(0);
  });

  it('TypeScript: TS2305 for an import of a renamed export; the import and its uses (inside a template literal too) follow; tsc passes', async () => {
    const wt = setup('ts-build-break', buildTsRenameHistory, true);
    const events = (await failures(wt.dir)).filter((e) => e.error_code === 'TS2305');
    expect(events.map((e) => `${e.file} ${e.message}`)).toEqual([`src/label.ts Module '"./units.ts"' has no exported member 'toGrams'.`]); // no "did you mean": too far
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited' });
    expect(readFileSync(path.join(wt.dir, 'src/label.ts'), 'utf8')).toBe("import { gramsFromKilograms } from './units.ts';\n\n/** A parcel label: the weight in grams. */\nexport function label(kg: number): string {\n  const grams: number = gramsFromKilograms(kg);\n  return `${grams} g`;\n}\n");
    expect(run(path.join(NODE_MODULES, '.bin', 'tsc'), ['--noEmit', '-p', '.'], wt.dir).code).toBe(0);
  });

  it('Python: AttributeError for a module attribute the history renamed (tests were updated, a caller was not); pytest passes', async () => {
    const wt = setup('py-bisect', buildPyRenameHistory);
    const events = (await failures(wt.dir)).filter((e) => e.status === 'failed' || e.status === 'errored');
    expect(events.map((e) => e.test_id)).toEqual(['test_stats.py::test_area']);
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringContaining("stats.py:6: 'square' -> 'square_of'") });
    expect(wt.diff()).toContain('-    return calc.square(side)\n+    return calc.square_of(side)');
    expect(run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], wt.dir).code).toBe(0);
  });

  it('finds nothing to complete when the old name is still declared, or the new one is gone again', async () => {
    const repo = tempRepo('go-bisect');
    sandboxes.defer(() => repo.cleanup());
    buildGoRenameHistory(repo);
    expect(await findRename(repo.dir, 'Add', 'go')).toMatchObject({ rename: { from: 'Add', to: 'Sum', file: 'calc.go' } });
    expect(await findRename(repo.dir, 'Mul', 'go')).toBeUndefined();
    const calc = readFileSync(path.join(repo.dir, 'calc.go'), 'utf8');
    repo.write('calc.go', calc.replace('func Sum(', 'func Plus('));
    repo.commit('calc: Sum is now Plus');
    expect(await findRename(repo.dir, 'Add', 'go')).toMatchObject({ refused: expect.stringMatching(/renamed to 'Sum' .* no longer declares 'Sum'/) });
    repo.write('calc.go', `${readFileSync(path.join(repo.dir, 'calc.go'), 'utf8')}\n// Sum is Plus.\nfunc Sum(a, b int) int { return Plus(a, b) }\n\n// Plus is still here.\nfunc Add(a, b int) int { return Plus(a, b) }\n`);
    repo.commit('calc: both names');
    expect(await findRename(repo.dir, 'Sum', 'go')).toMatchObject({ refused: 'calc.go still declares \'Sum\': not a rename' });
  });

  it('tells a declaration rename from any other edit', () => {
    expect(renamedTo('func CalcTotal(lines []int) int {', 'func CalculateTotal(lines []int) int {', 'CalcTotal')).toBe('CalculateTotal');
    expect(renamedTo('func CalcTotal(lines []int) int {', 'func CalculateTotal(lines []int64) int {', 'CalcTotal')).toBeUndefined();
    expect(renamedTo('export const getUserX = getUser;', 'export const getUserX = findUser;', 'getUser')).toBe('findUser');
    expect(declares('export async function getUser(id) {', 'getUser', 'js')).toBe(true);
    expect(declares('  return getUser(id);', 'getUser', 'js')).toBe(false);
    expect(declares('def get_user(uid):', 'get_user', 'python')).toBe(true);
    expect(declares('    def get_user(self):', 'get_user', 'python')).toBe(false); // a method: not a module name
    expect(declares('func (s *Store) Get(id int) string {', 'Get', 'go')).toBe(true);
  });
});
