import type { Gen, Template } from '../lib.js';
import { servers } from '../servers.js';
import { pyFiller, pytestCmd } from './py-common.js';

const py = (t: Omit<Template, 'lang'>): Template => ({ lang: 'python', ...t });

function brokenSyntax(g: Gen): string {
  const fn = g.snake(), a = g.noun(), b = g.noun();
  return g.pick([
    `def ${fn}(${a}, ${b})\n    return ${a} + ${b}\n`,
    `def ${fn}(${a}):\n    return (${a} + 1\n\n\nx = 1\n`,
    `def ${fn}(${a}):\n    print("${a}: {${a}}")\n    return ${a} ++ \n`,
    `${a}s = [1, 2, 3\n${b} = 4\n`,
    `class ${g.pascal()}\n    pass\n`,
    `def ${fn}(${a}):\n    if ${a} = 1:\n        return True\n`,
    `${a} = {"${b}": 1, "${a}": 2\nprint(${a})\n`,
    `def ${fn}():\n    return "${a}\n`,
    `for ${a} in range(3) print(${a})\n`,
    `import ${a} as\n`,
    `def ${fn}(*, **kw):\n    pass\n`,
    `lambda ${a}: return ${a}\n`,
  ]);
}

function brokenIndent(g: Gen): { code: string; kind: string } {
  const fn = g.snake(), a = g.noun();
  return g.pick([
    { code: `def ${fn}(${a}):\n    x = 1\n      return ${a} + x\n`, kind: 'unexpected' },
    { code: `def ${fn}(${a}):\n    if ${a}:\n        return 1\n      return 2\n`, kind: 'unindent' },
    { code: `def ${fn}(${a}):\nreturn ${a}\n`, kind: 'expected' },
    { code: `class ${g.pascal()}:\n    def ${fn}(self):\n    pass\n`, kind: 'expected' },
    { code: `for ${a} in range(3):\nprint(${a})\n`, kind: 'expected' },
    { code: `def ${fn}(${a}):\n    y = ${a}\n\tif y:\n\t\treturn y\n`, kind: 'tab' },
    { code: `  ${a} = 1\n${fn} = 2\n`, kind: 'unexpected' },
  ]);
}

/** Python compile checks, pytest's own failures, pip, and docutils. */
export const pythonToolTemplates: Template[] = [
  py({
    id: 'py-syntax-py-compile', tool: 'py_compile', stage: 'compile', category: 'syntax', n: 20, expect: /SyntaxError/,
    make: (g) => {
      const f = `${g.dir()}/${g.modname()}.py`;
      return { files: { [f]: pyFiller(g, 1) + '\n' + brokenSyntax(g) }, cmd: g.pick([`python3 -m py_compile ${f}`, `python3 -m compileall -q ${f.split('/')[0]}`, `find . -name '*.py' | xargs python3 -m py_compile`]) };
    },
  }),
  py({
    id: 'py-syntax-pytest-collect', tool: 'pytest', stage: 'test', category: 'syntax', n: 16, expect: /SyntaxError/,
    make: (g) => {
      const mod = g.modname();
      return { files: { [`${mod}.py`]: brokenSyntax(g), [`tests/test_${mod}.py`]: `import ${mod}\n\n\ndef test_import():\n    assert ${mod}\n` }, cmd: `PYTHONPATH=. ${pytestCmd(g, 'tests')}` };
    },
  }),
  py({
    id: 'py-syntax-script', tool: 'python', stage: 'test', category: 'syntax', n: 10, expect: /SyntaxError/,
    make: (g) => ({ files: { [`scripts/${g.noun()}_check.py`]: brokenSyntax(g) }, cmd: 'python3 scripts/*_check.py' }),
  }),
  py({
    id: 'py-indent-compile', tool: 'py_compile', stage: 'compile', category: 'indentation', n: 18, expect: /IndentationError|TabError/,
    make: (g) => {
      const f = `${g.dir()}/${g.modname()}.py`;
      return { files: { [f]: pyFiller(g, 1) + '\n' + brokenIndent(g).code }, cmd: g.pick([`python3 -m py_compile ${f}`, `python3 -m compileall -q .`]) };
    },
  }),
  py({
    id: 'py-indent-pytest', tool: 'pytest', stage: 'test', category: 'indentation', n: 14, expect: /IndentationError|TabError/,
    make: (g) => {
      const mod = g.modname();
      return { files: { [`${mod}.py`]: brokenIndent(g).code, [`test_${mod}.py`]: `from ${mod} import *\n\ndef test_x():\n    assert True\n` }, cmd: pytestCmd(g, '.') };
    },
  }),
  py({
    id: 'py-indent-unittest', tool: 'unittest', stage: 'test', category: 'indentation', n: 10, expect: /IndentationError|TabError/,
    make: (g) => {
      const mod = g.modname();
      return { files: { [`${mod}.py`]: brokenIndent(g).code, [`test_${mod}.py`]: `import unittest\nimport ${mod}\n\nclass T(unittest.TestCase):\n    def test_x(self):\n        pass\n` }, cmd: 'python3 -m unittest discover' };
    },
  }),
  py({
    id: 'py-tabnanny', tool: 'tabnanny', stage: 'lint', category: 'indentation', n: 8, expect: /\.py \d+ /, mustFail: true,
    make: (g) => {
      const f = `${g.dir()}/${g.modname()}.py`;
      const fn = g.snake();
      return { files: { [f]: `def ${fn}(x):\n\tif x:\n        return 1\n\treturn 0\n` }, cmd: `out=$(python3 -m tabnanny ${g.pick(['', '-v '])}.); echo "$out"; test -z "$out"` };
    },
  }),
  py({
    id: 'pytest-fixture-missing', tool: 'pytest', stage: 'test', category: 'test-infrastructure-error', n: 14, expect: /fixture '\w+' not found/,
    make: (g) => {
      const fx = g.pick([g.snake(), 'db_session', 'client', 'tmp_dir', 'mock_' + g.noun(), g.noun() + '_factory']);
      return { files: { [`test_${g.noun()}.py`]: `def test_${g.snake()}(${fx}):\n    assert ${fx}\n` }, cmd: pytestCmd(g, '.') };
    },
  }),
  py({
    id: 'pytest-fixture-raises', tool: 'pytest', stage: 'test', category: 'test-infrastructure-error', n: 12, expect: /ERROR at (setup|teardown)/, cause: /^E\s+/,
    make: (g) => {
      const fx = g.snake(), when = g.chance(0.7) ? 'setup' : 'teardown';
      const raise = g.pick([`raise RuntimeError("could not initialise ${g.noun()} fixture")`, `raise Exception("${g.noun()} fixture failed")`, `assert False, "${g.noun()} not ready"`, `raise ValueError("bad fixture parameter")`]);
      const body = when === 'setup' ? `    ${raise}\n    yield 1\n` : `    yield 1\n    ${raise}\n`;
      return { files: { 'conftest.py': `import pytest\n\n\n@pytest.fixture\ndef ${fx}():\n${body}`, [`test_${g.noun()}.py`]: `def test_${g.snake()}(${fx}):\n    assert ${fx} == 1\n` }, cmd: pytestCmd(g, '.') };
    },
  }),
  py({
    id: 'pytest-no-tests', tool: 'pytest', stage: 'test', category: 'test-infrastructure-error', n: 8, expect: /no tests ran|collected 0 items/,
    make: (g) => ({ files: { [`tests/${g.noun()}_checks.py`]: `def check_${g.snake()}():\n    assert True\n` }, cmd: pytestCmd(g, 'tests') }),
  }),
  py({
    id: 'pytest-usage', tool: 'pytest', stage: 'test', category: 'configuration-error', n: 8, expect: /error: unrecognized arguments|usage:/,
    make: (g) => ({ files: { 'test_a.py': 'def test_a():\n    pass\n' }, cmd: `python3 -m pytest -p no:cacheprovider ${g.pick(['--cov=src', '--timeout=30', '-n auto', '--reruns 2', '--junit-xml', '--' + g.noun() + '-mode'])} .` }),
  }),
  py({
    id: 'pytest-bad-ini', tool: 'pytest', stage: 'test', category: 'configuration-error', n: 6, expect: /ERROR|error/,
    make: (g) => ({ files: { 'pytest.ini': g.pick(['[pytest]\naddopts = --strict-markers\nmarkers =\n\n[pytest\n', `[pytest]\nminversion = 99.0\n`, `[pytest]\nrequired_plugins = pytest-${g.noun()}\n`]), 'test_a.py': 'def test_a():\n    pass\n' }, cmd: 'python3 -m pytest -p no:cacheprovider' }),
  }),
  py({
    id: 'pytest-path-missing', tool: 'pytest', stage: 'test', category: 'file-not-found', n: 8, expect: /file or directory not found/,
    make: (g) => ({ files: { 'tests/test_a.py': 'def test_a():\n    pass\n' }, cmd: `python3 -m pytest -p no:cacheprovider tests/test_${g.noun()}.py` }),
  }),
  py({
    id: 'pip-not-found', tool: 'pip', stage: 'dependency-install', category: 'dependency-missing', n: 12, expect: /No matching distribution|Could not find a version/,
    make: (g) => {
      const name = `${g.noun()}-${g.noun()}`;
      return { files: { 'requirements.txt': `${name}==${g.int(0, 4)}.${g.int(0, 20)}.${g.int(0, 9)}\n` }, cmd: `python3 -m pip install --retries 0 --timeout 3 --index-url ${servers.pip}/simple -r requirements.txt` };
    },
  }),
  py({
    id: 'pip-no-version', tool: 'pip', stage: 'dependency-install', category: 'dependency-missing', n: 10, expect: /from versions: /,
    make: (g) => {
      const name = `${g.noun()}${g.pick(['lib', 'kit', 'py', 'tools', ''])}`;
      const vs = g.distinct(3, () => `${g.int(0, 2)}.${g.int(0, 9)}.${g.int(0, 9)}`);
      servers.pipProjects.set(name.toLowerCase(), vs.map((v) => `${name}-${v}.tar.gz`));
      return { files: {}, cmd: `python3 -m pip install --retries 0 --timeout 3 --index-url ${servers.pip}/simple "${name}>=${g.int(5, 9)}.0"` };
    },
  }),
  py({
    id: 'pip-network', tool: 'pip', stage: 'dependency-install', category: 'network-timeout', n: 10, expect: /NewConnectionError|Connection refused|Failed to establish|timed out/,
    make: (g) => ({ files: { 'requirements.txt': `${g.noun()}>=1.0\n${g.noun()}==2.${g.int(0, 9)}\n` }, cmd: `python3 -m pip install --retries ${g.int(0, 1)} --timeout 1 --index-url ${g.pick(['http://127.0.0.1:1/simple', servers.hang + '/simple'])} -r requirements.txt` }),
  }),
  py({
    id: 'pip-requirements-missing', tool: 'pip', stage: 'dependency-install', category: 'file-not-found', n: 6, expect: /Could not open requirements file/,
    make: (g) => ({ files: {}, cmd: `python3 -m pip install -r ${g.pick(['requirements', 'requirements-dev', 'reqs/ci', 'dev-requirements'])}.txt` }),
  }),
  py({
    id: 'pip-invalid-requirement', tool: 'pip', stage: 'dependency-install', category: 'configuration-error', n: 6, expect: /Invalid requirement|Expected/,
    make: (g) => ({ files: { 'requirements.txt': g.pick([`${g.noun()}=>1.0\n`, `${g.noun()} == = 2\n`, `${g.noun()}[extra==1\n`, `-e\n`]) }, cmd: `python3 -m pip install --index-url ${servers.pip}/simple -r requirements.txt` }),
  }),
  py({
    id: 'docs-rst-unknown-target', tool: 'docutils', stage: 'docs', category: 'undefined-name', n: 10, expect: /Unknown target name|Unknown interpreted text role/,
    make: (g) => {
      const t = g.noun();
      return { files: { 'docs/index.rst': `${g.pascal()}\n${'='.repeat(40)}\n\nSee \`${t} guide\`_ and ${g.chance(0.5) ? `\`${g.noun()}\`_` : `:${g.noun()}:\`x\``} for details.\n` }, cmd: `python3 -m docutils --halt=warning docs/index.rst /dev/null` };
    },
  }),
  py({
    id: 'docs-rst-directive', tool: 'docutils', stage: 'docs', category: 'syntax', n: 10, expect: /Unknown directive type|underline too short|start-string without end-string|Malformed table|ends without a blank line/,
    make: (g) => {
      const title = `${g.pascal()} ${g.noun()} ${g.noun()}`;
      const body = g.pick([`.. ${g.noun()}-${g.noun()}:: x\n`, `${title}\n=====\n\ntext\n`, `Some *emphasis without end.\n`, `.. note::\n   text\nno blank line\n`, `* item\n* item two\nparagraph\n`]);
      return { files: { 'docs/guide.rst': `${g.pascal()}\n${'#'.repeat(30)}\n\n${body}` }, cmd: `python3 -m docutils --halt=warning docs/guide.rst /dev/null` };
    },
  }),
  py({
    id: 'docs-rst-include-missing', tool: 'docutils', stage: 'docs', category: 'file-not-found', n: 6, expect: /No such file|not readable|Problems with/,
    make: (g) => ({ files: { 'docs/index.rst': `Title\n=====\n\n.. ${g.pick(['include', 'image'])}:: ${g.pick(['../CHANGELOG.rst', 'usage/' + g.noun() + '.rst', '_static/' + g.noun() + '.png'])}\n` }, cmd: `python3 -m docutils --halt=warning docs/index.rst /dev/null` }),
  }),
];
