import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixContext, run, tempRepo, worktreeOf, type Worktree } from '../shared/testing/temp-repo.js';
import { buildLogEvents, junitEvents } from '../shared/testing/tool-events.js';
import { didYouMeanFixer } from './index.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(): Worktree {
  const repo = tempRepo('py-typo');
  const wt = worktreeOf(repo);
  cleanups.push(() => repo.cleanup(), () => wt.cleanup());
  return wt;
}

function pytest(dir: string, ...args: string[]): { code: number | null; xml: string } {
  const xml = path.join(dir, '..', 'report.xml');
  const r = run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${xml}`, ...args], dir);
  return { code: r.code, xml };
}

describe('did-you-mean on a real pytest project', () => {
  it("computes CPython's suggestion (pytest does not print it) from scope and class attributes; pytest then passes", async () => {
    const wt = setup();
    const before = pytest(wt.dir);
    expect(before.code).toBe(1);
    const events = await junitEvents(before.xml, wt.dir);
    expect(events.map((e) => `${e.error_class}: ${e.message}`)).toEqual(["AttributeError: 'Circle' object has no attribute 'raduis'", "NameError: name 'reslt' is not defined"]);
    expect(events.every((e) => !/Did you mean/.test(`${e.message}${e.stack}`))).toBe(true);

    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('edited');
    expect(wt.diff()).toContain(
      [
        '     def area(self):',
        '-        return math.pi * self.raduis ** 2',
        '+        return math.pi * self.radius ** 2',
        ' ',
        ' ',
        ' def total(values):',
        '     result = 0',
        '     for v in values:',
        '         result += v',
        '-    return reslt',
        '+    return result',
      ].join('\n'),
    );
    expect(pytest(wt.dir).code).toBe(0);
  });

  it("uses the interpreter's own 'Did you mean' when the traceback has it", async () => {
    const wt = setup();
    const r = run('python3', ['-c', 'import shapes; shapes.total([1])'], wt.dir);
    expect(r.stderr).toContain("Did you mean: 'result'?");
    const events = buildLogEvents(r.stderr, wt.dir, 'python');
    expect(events).toMatchObject([{ error_class: 'NameError', suggestion: 'result' }]);
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited' });
    expect(result.kind === 'edited' && result.summary).toContain("shapes.py:16: 'reslt' -> 'result' (python NameError)");
    expect(wt.diff()).toContain('-    return reslt\n+    return result\n');
  });

  it("lists a standard-library module's names with the interpreter (math.sqr -> math.sqrt)", async () => {
    const wt = setup();
    writeFileSync(path.join(wt.dir, 'roots.py'), 'import math\n\n\ndef root(x):\n    return math.sqr(x)\n');
    writeFileSync(path.join(wt.dir, 'test_roots.py'), 'from roots import root\n\n\ndef test_root():\n    assert root(9) == 3\n');
    const events = await junitEvents(pytest(wt.dir, 'test_roots.py').xml, wt.dir);
    expect(events.map((e) => e.message)).toEqual(["module 'math' has no attribute 'sqr'"]);
    expect(await didYouMeanFixer.propose(fixContext(wt.dir, events))).toMatchObject({ kind: 'edited' });
    expect(readFileSync(path.join(wt.dir, 'roots.py'), 'utf8')).toContain('return math.sqrt(x)');
    expect(pytest(wt.dir, 'test_roots.py').code).toBe(0);
  });

  it("suggests self.<name> for a bare instance attribute inside a method, as CPython would", async () => {
    const wt = setup();
    writeFileSync(path.join(wt.dir, 'account.py'), 'class Account:\n    def __init__(self, balance):\n        self.balance = balance\n\n    def doubled(self):\n        return balance * 2\n');
    writeFileSync(path.join(wt.dir, 'test_account.py'), 'from account import Account\n\n\ndef test_doubled():\n    assert Account(4).doubled() == 8\n');
    const events = await junitEvents(pytest(wt.dir, 'test_account.py').xml, wt.dir);
    expect(events.map((e) => e.message)).toEqual(["name 'balance' is not defined"]);
    expect(await didYouMeanFixer.propose(fixContext(wt.dir, events))).toMatchObject({ kind: 'edited' });
    expect(readFileSync(path.join(wt.dir, 'account.py'), 'utf8')).toContain('        return self.balance * 2\n');
    expect(pytest(wt.dir, 'test_account.py').code).toBe(0);
  });

  it('refuses a name equally close to two names in scope, and a class whose base is not in the repository', async () => {
    const wt = setup();
    const pickPy =
      'from collections import OrderedDict\n\n\nclass Cache(OrderedDict):\n    def size(self):\n        return len(self.itms)\n\n\ndef pick():\n    val1, val2 = 1, 2\n    return valx + val1 + val2\n';
    writeFileSync(path.join(wt.dir, 'pick.py'), pickPy);
    writeFileSync(path.join(wt.dir, 'test_pick.py'), 'from pick import Cache, pick\n\n\ndef test_pick():\n    assert pick() == 4\n\n\ndef test_size():\n    assert Cache().size() == 0\n');
    const events = await junitEvents(pytest(wt.dir, 'test_pick.py').xml, wt.dir);
    expect(events).toHaveLength(2);
    const result = await didYouMeanFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('unfixable');
    const reason = result.kind === 'unfixable' ? result.reason : '';
    expect(reason).toMatch(/'valx' is equally close to 'val1', 'val2': ambiguous/);
    expect(reason).toMatch(/base class OrderedDict is not defined in the repository/);
    expect(readFileSync(path.join(wt.dir, 'pick.py'), 'utf8')).toBe(pickPy);
  });
});
