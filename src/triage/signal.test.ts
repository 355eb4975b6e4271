import { describe, expect, it } from 'vitest';
import type { FailureEvent } from '../events/index.js';
import { classify } from './index.js';
import { signalOf } from './signal.js';

/** A pytest collection error as suture's JUnit ingest records it: the cause is the traceback's last line. */
const collection: FailureEvent = {
  v: 1,
  kind: 'test',
  run_id: 'r',
  ts: '2026-01-01T00:00:00.000Z',
  framework: 'pytest',
  test_id: 'tests/test_report.py::tests.test_report',
  message: 'collection failure',
  status: 'errored',
  file: 'tests/test_report.py',
  stack: [
    "ImportError while importing test module '/home/ci/project/tests/test_report.py'.",
    'Hint: make sure your test modules/packages have valid Python names.',
    'Traceback:',
    '/root/.pyenv/versions/3.11.7/lib/python3.11/importlib/__init__.py:126: in import_module',
    '    return _bootstrap._gcd_import(name[level:], package, level)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    'tests/test_report.py:1: in <module>',
    '    from app.report import report_filename',
    'app/report.py:1: in <module>',
    '    from app.text import slugfy',
    "E   ImportError: cannot import name 'slugfy' from 'app.text' (/home/ci/project/app/text.py)",
  ].join('\n'),
};

describe('signalOf', () => {
  it("adds the exception a long Python traceback ends with (past the head the rules read), so the rule that knows it decides", () => {
    expect(signalOf(collection).text).toContain("ImportError: cannot import name 'slugfy' from 'app.text'");
    const c = classify(collection);
    expect(c).toMatchObject({ category: 'import', source: 'rule', rule: 'py:import-name' });
    expect(c.confidence).toBeGreaterThan(0.95);
  });

  it('adds nothing when the stack is short (its head is read whole) or does not end with an exception', () => {
    const short = { ...collection, stack: "E   ImportError: cannot import name 'x' from 'y'" };
    expect(signalOf(short).text.match(/ImportError: cannot import name/g)).toHaveLength(1);
    const js = { ...collection, framework: 'vitest', stack: `${'    at f (file.js:1:1)\n'.repeat(30)}    at main (index.js:9:9)` };
    expect(signalOf(js).text).not.toContain('at main');
  });
});
