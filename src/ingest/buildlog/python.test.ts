import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticIds } from '../results/ids.js';
import { cleanLines } from './text.js';
import { pythonExtractor } from './python.js';

const read = (name: string): string => readFileSync(new URL(`../../../test/fixtures/reports/python/${name}.log`, import.meta.url), 'utf8');
const opts = { repoRoot: '/work/main/test/fixtures/reports/python/project' };
const extract = (text: string) => pythonExtractor.extract(cleanLines(text), opts, new DiagnosticIds());

describe('Python tracebacks (real output of CPython 3.11)', () => {
  it('ModuleNotFoundError is a build error at the import', () => {
    expect(extract(read('missing_module'))).toEqual([
      expect.objectContaining({ kind: 'build', framework: 'python', error_class: 'ModuleNotFoundError', message: "No module named 'requestz'", file: 'app/missing_module.py', line: 1, test_id: "python:app/missing_module.py:ModuleNotFoundError:No module named 'requestz'" }),
    ]);
  });

  it('SyntaxError points at the file and line it names (no Traceback header needed)', () => {
    expect(extract(read('syntax_error'))).toEqual([expect.objectContaining({ kind: 'build', error_class: 'SyntaxError', message: "'(' was never closed", file: 'app/syntax_error.py', line: 2 })]);
    const bare = '  File "/work/main/test/fixtures/reports/python/project/app/x.py", line 3\n    def f(:\n          ^\nSyntaxError: invalid syntax\n';
    expect(extract(bare)).toEqual([expect.objectContaining({ error_class: 'SyntaxError', file: 'app/x.py', line: 3 })]);
  });

  it('NameError and AttributeError carry CPython\'s "Did you mean" as the suggestion, at the innermost frame', () => {
    expect(extract(read('name_error'))).toEqual([
      expect.objectContaining({ kind: 'runtime', error_class: 'NameError', message: "name 'heigth' is not defined. Did you mean: 'height'?", suggestion: 'height', file: 'app/name_error.py', line: 2 }),
    ]);
    expect(extract(read('attribute_error'))).toEqual([expect.objectContaining({ error_class: 'AttributeError', suggestion: 'upper', line: 2 })]);
  });

  it('ImportError (3.11 has no suggestion for it; 3.12 does)', () => {
    expect(extract(read('import_error'))).toEqual([expect.objectContaining({ kind: 'build', error_class: 'ImportError', suggestion: undefined, file: 'app/import_error.py', line: 1 })]);
    const py312 = "Traceback (most recent call last):\n  File \"/work/main/test/fixtures/reports/python/project/app/i.py\", line 1, in <module>\n    from json import dumsp\nImportError: cannot import name 'dumsp' from 'json' (/usr/lib/python3.12/json/__init__.py). Did you mean: 'dumps'?\n";
    expect(extract(py312)).toEqual([expect.objectContaining({ error_class: 'ImportError', suggestion: 'dumps' })]);
  });

  it('reports a chain once, as the exception that ended the program', () => {
    const r = extract(read('nested_error'));
    expect(r).toEqual([expect.objectContaining({ kind: 'runtime', error_class: 'RuntimeError', message: 'config is not valid JSON', file: 'app/nested_error.py', line: 8 })]);
    expect(r[0]!.stack).toContain('json.decoder.JSONDecodeError');
  });

  it('ignores a traceback cut off by other output', () => {
    expect(extract('Traceback (most recent call last):\n  File "/x.py", line 1, in <module>\nsome other log line\n')).toEqual([]);
  });
});
