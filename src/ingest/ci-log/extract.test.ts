import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toFailureEvent, type TestResult } from '../../events/index.js';
import { classify } from '../../triage/index.js';
import { extractCiLog } from './index.js';
import { stripWorkspaces } from './workspace.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/logs/', import.meta.url));

interface Entry {
  file: string;
  tool: string;
  stage: string;
  category: string;
  cause: string;
}

async function extract(input: NodeJS.ReadableStream, repoRoot = '/nonexistent'): Promise<TestResult[]> {
  const out: TestResult[] = [];
  for await (const r of extractCiLog(input, { repoRoot, displayName: 'log' })) out.push(r);
  return out;
}

// Severity labels say nothing about the cause; a result need not repeat them.
const SEVERITY = new Set(['error', 'errors', 'err', 'warning', 'warn', 'fatal', 'npm', 'info']);

/** At least 80% of the cause line's words (severity labels aside) are in the text. */
function states(text: string, cause: string): boolean {
  const words = (stripWorkspaces(cause).toLowerCase().match(/[a-z0-9_]{2,}/g) ?? []).filter((w) => !SEVERITY.has(w) && !/^\d+$/.test(w));
  const have = new Set(text.toLowerCase().match(/[a-z0-9_]{2,}/g) ?? []);
  return words.length > 0 && words.filter((w) => have.has(w)).length / words.length >= 0.8;
}

const manifest = JSON.parse(readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as Entry[];

describe('extractCiLog on whole CI job logs around real tool output', () => {
  it.each(manifest.map((m) => [m.file, m] as const))('%s', async (_name, m) => {
    const results = await extract(createReadStream(path.join(FIXTURES, m.file)));
    expect(results.length).toBeGreaterThan(0);
    const first = results[0]!;
    expect(states(`${first.file ?? ''}:${first.line ?? ''} ${first.error_class ?? ''} ${first.error_code ?? ''} ${first.message ?? ''}\n${first.stack ?? ''}`, m.cause), `first result: ${first.message}`).toBe(true);
    const c = classify(toFailureEvent(first, { run_id: 'r', ts: '2024-05-01T10:00:00Z' })!);
    expect(c.category).toBe(m.category);
  });
});

describe('extractCiLog on runner-level failures (hand-written in the runners\' formats)', () => {
  it('reports a job that hit the runner time limit as a timeout in setup', async () => {
    const [r, ...rest] = await extract(createReadStream(path.join(FIXTURES, 'runner-timeout.github.log')));
    expect(rest).toHaveLength(0);
    expect(r!.message).toMatch(/exceeded the maximum execution time/);
    const c = classify(toFailureEvent(r!, { run_id: 'r', ts: '2024-05-01T10:00:00Z' })!);
    expect(c).toMatchObject({ category: 'timeout', stage: 'setup' });
  });

  it('turns a bare exit code 137 into an out-of-memory failure of the step that died', async () => {
    const [r] = await extract(createReadStream(path.join(FIXTURES, 'oom-exit-137.github.log')));
    expect(r).toMatchObject({ framework: 'shell', message: 'Process completed with exit code 137 (npm run build)', suite: 'Run npm run build' });
    const c = classify(toFailureEvent(r!, { run_id: 'r', ts: '2024-05-01T10:00:00Z' })!);
    expect(c).toMatchObject({ category: 'out-of-memory', stage: 'compile' });
  });

  it('ignores the "error" words of passing steps and reports only the step that failed', async () => {
    const log = [
      '##[group]Run npm run lint',
      '##[endgroup]',
      '✔ 0 problems (0 errors, 0 warnings)',
      '  ✓ handles network error gracefully (3 ms)',
      '##[group]Run pytest -q',
      '##[endgroup]',
      'F.                                                                       [100%]',
      '=================================== FAILURES ===================================',
      '___________________________________ test_total ___________________________________',
      '',
      '    def test_total():',
      '>       assert total([1, 2]) == 4',
      'E       assert 3 == 4',
      'E        +  where 3 = total([1, 2])',
      '',
      'tests/test_cart.py:5: AssertionError',
      '=========================== short test summary info ============================',
      'FAILED tests/test_cart.py::test_total - assert 3 == 4',
      '1 failed, 1 passed in 0.03s',
      '##[error]Process completed with exit code 1.',
    ].join('\n');
    const results = await extract(Readable.from([log]));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'test', framework: 'pytest', test_id: 'tests/test_cart.py::test_total', file: 'tests/test_cart.py', line: 5, error_class: 'AssertionError', suite: 'Run pytest -q' });
    expect(results[0]!.message).toBe('assert 3 == 4\n +  where 3 = total([1, 2])');
  });

  it('makes paths relative to the CI workspace found in the log', async () => {
    const log = '##[group]Run npx tsc --noEmit\n##[endgroup]\n/home/runner/work/shop/shop/src/cart.ts(12,5): error TS2339: Property \'totl\' does not exist on type \'Cart\'.\n##[error]Process completed with exit code 2.\n';
    const [r] = await extract(Readable.from([log]));
    expect(r).toMatchObject({ framework: 'tsc', kind: 'typecheck', file: 'src/cart.ts', line: 12, error_code: 'TS2339' });
  });

  it('reads a plain tool output (no CI structure) and a log with no failure in it', async () => {
    expect(await extract(Readable.from(['src/a.go:3:9: undefined: helper\n']))).toMatchObject([{ framework: 'go-build', message: 'undefined: helper', line: 3 }]);
    expect(await extract(Readable.from(['##[group]Run make\n##[endgroup]\nall good\n']))).toEqual([]);
  });
});
