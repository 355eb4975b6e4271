import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FailureEvent } from '../../../events/index.js';
import { gatherSources } from './sources.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-sources-'));
  dirs.push(dir);
  for (const [f, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await writeFile(path.join(dir, f), text);
  }
  return dir;
}

const ev = (over: Partial<FailureEvent>): FailureEvent => ({ v: 1, kind: 'test', run_id: 'r', ts: '2026-01-01T00:00:00.000Z', framework: 'x', test_id: 't', status: 'failed', message: 'm', ...over }) as FailureEvent;

describe('gatherSources', () => {
  it('Python: the test file, the frames, and the local modules it imports', async () => {
    const dir = await repo({
      'tests/test_stats.py': 'from stats.core import median\nimport helpers\n\ndef test_median():\n    assert median([1, 2, 3, 4]) == 2.5\n',
      'stats/__init__.py': '',
      'stats/core.py': 'def median(xs):\n    return sorted(xs)[len(xs) // 2]\n',
      'helpers.py': 'X = 1\n',
    });
    const s = await gatherSources(dir, [ev({ file: 'tests/test_stats.py', line: 5, stack: `${dir}/tests/test_stats.py:5: in test_median\n${dir}/stats/core.py:2: in median` })]);
    expect(s.map((f) => [f.path, f.role])).toEqual([
      ['tests/test_stats.py', 'failing test'],
      ['stats/core.py', 'stack frame'],
      ['helpers.py', 'imported by a failing test'],
    ]);
    expect(s[1]!.lines).toEqual([2]);
  });

  it('Go: the package files next to the failing test', async () => {
    const dir = await repo({ 'search/search_test.go': 'package search\n', 'search/search.go': 'package search\n', 'search/util.go': 'package search\n' });
    const s = await gatherSources(dir, [ev({ file: 'search/search_test.go', line: 9 })]);
    expect(s.map((f) => f.path)).toEqual(['search/search_test.go', 'search/search.go', 'search/util.go']);
  });

  it('TS with NodeNext .js specifiers, never files outside the worktree', async () => {
    const dir = await repo({ 'src/a.test.ts': "import { a } from './a.js';\nimport x from '../../../etc/passwd';\n", 'src/a.ts': 'export const a = 1;\n' });
    const s = await gatherSources(dir, [ev({ file: 'src/a.test.ts', line: 1 }), ev({ file: '/etc/hostname' })]);
    expect(s.map((f) => f.path)).toEqual(['src/a.test.ts', 'src/a.ts']);
  });
});
