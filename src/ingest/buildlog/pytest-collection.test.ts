import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticIds } from '../results/ids.js';
import { cleanLines } from './text.js';
import { pytestCollectionExtractor } from './pytest-collection.js';

const log = readFileSync(new URL('../../../test/fixtures/reports/pytest/collection-error.log', import.meta.url), 'utf8');
const opts = { repoRoot: '/work/main/test/fixtures/reports/pytest/broken-project' };
const extract = (text: string) => pytestCollectionExtractor.extract(cleanLines(text), opts, new DiagnosticIds());

describe('pytest collection errors (real output of pytest 9)', () => {
  it('reads the module that failed to import', () => {
    expect(extract(log)).toEqual([
      expect.objectContaining({
        kind: 'build',
        framework: 'pytest',
        test_id: 'tests/test_broken.py::(collection)',
        status: 'errored',
        file: 'tests/test_broken.py',
        line: 1,
        error_class: 'ModuleNotFoundError',
        message: "No module named 'calculator_that_does_not_exist'",
        repro_cmd: 'python3 -m pytest tests/test_broken.py',
      }),
    ]);
  });

  it('reads a syntax error in a test module at its own line', () => {
    const text = [
      '______________________ ERROR collecting tests/test_syntax.py ______________________',
      '/usr/lib/python3/dist-packages/_pytest/python.py:617: in _importtestmodule',
      '    mod = import_path(self.path, mode=importmode, root=self.config.rootpath)',
      'E     File "/work/main/test/fixtures/reports/pytest/broken-project/tests/test_syntax.py", line 3',
      'E       def test_x(:',
      'E                  ^',
      'E   SyntaxError: invalid syntax',
      '=========================== short test summary info ============================',
    ].join('\n');
    expect(extract(text)).toEqual([expect.objectContaining({ file: 'tests/test_syntax.py', line: 3, error_class: 'SyntaxError', message: 'invalid syntax' })]);
  });
});
