import type { Template } from '../lib.js';
import { pyPackages, envVars } from '../words.js';
import { servers } from '../servers.js';
import { pyFiller, pyHeader, pytestCmd } from './py-common.js';

const py = (t: Omit<Template, 'lang'>): Template => ({ lang: 'python', ...t });

/** Python runtime failures surfaced by pytest, unittest and smoke scripts. */
export const pythonTemplates: Template[] = [
  py({
    id: 'py-name-undefined-var', tool: 'pytest', stage: 'test', category: 'undefined-name', n: 20, expect: /NameError/,
    make: (g) => {
      const mod = g.modname(), fn = g.snake(), missing = g.snake(), arg = g.noun();
      return {
        files: {
          [`${mod}.py`]: `${pyHeader(g)}${pyFiller(g)}\ndef ${fn}(${arg}):\n    value = ${arg} * 2\n    return value + ${missing}\n`,
          [`tests/test_${mod}.py`]: `from ${mod} import ${fn}\n\n\ndef test_${fn}():\n    assert ${fn}(${g.int(1, 50)}) == ${g.int(1, 200)}\n`,
        },
        cmd: `PYTHONPATH=. ${pytestCmd(g, 'tests')}`,
      };
    },
  }),
  py({
    id: 'py-name-typo-unittest', tool: 'unittest', stage: 'test', category: 'undefined-name', n: 15, expect: /NameError/,
    make: (g) => {
      const mod = g.modname(), helper = g.snake(), caller = g.snake();
      const typo = helper.replace(/_(\w)/, '$1').replace(/e/, '');
      return {
        files: {
          [`${mod}.py`]: `${pyFiller(g, 1)}\ndef ${helper}(x):\n    return x + 1\n\n\ndef ${caller}(items):\n    return [${typo === helper ? helper + 's' : typo}(i) for i in items]\n`,
          [`test_${mod}.py`]: `import unittest\nfrom ${mod} import ${caller}\n\n\nclass ${g.pascal()}Test(unittest.TestCase):\n    def test_${caller}(self):\n        self.assertEqual(${caller}([1, 2]), [2, 3])\n\n\nif __name__ == "__main__":\n    unittest.main()\n`,
        },
        cmd: g.pick([`python3 -m unittest test_${mod}`, `python3 -m unittest discover -v`, `python3 test_${mod}.py`]),
      };
    },
  }),
  py({
    id: 'py-name-smoke-script', tool: 'python', stage: 'test', category: 'undefined-name', n: 12, expect: /NameError/,
    make: (g) => {
      const cls = g.pascal(), fn = g.snake();
      return {
        files: { [`tests/smoke_${g.noun()}.py`]: `${pyHeader(g)}\n\nclass ${cls}:\n    def ${fn}(self):\n        return ${g.pascal()}Config.load()\n\n\nif __name__ == "__main__":\n    print(${cls}().${fn}())\n` },
        cmd: `python3 tests/smoke_*.py`,
      };
    },
  }),
  py({
    id: 'py-unbound-local', tool: 'pytest', stage: 'test', category: 'undefined-name', n: 12, expect: /UnboundLocalError|cannot access local variable/,
    make: (g) => {
      const mod = g.modname(), fn = g.snake(), v = g.noun();
      return {
        files: {
          [`${mod}.py`]: `def ${fn}(flag):\n    if flag:\n        ${v} = ${g.int(1, 9)}\n    return ${v} * 2\n`,
          [`test_${mod}.py`]: `from ${mod} import ${fn}\n\ndef test_${fn}_off():\n    assert ${fn}(False) == 0\n`,
        },
        cmd: pytestCmd(g, '.'),
      };
    },
  }),
  py({
    id: 'py-import-name-local', tool: 'pytest', stage: 'test', category: 'import', n: 18, expect: /cannot import name/,
    make: (g) => {
      const pkg = g.modname(), sub = g.noun(), real = g.snake(), wanted = g.snake();
      return {
        files: {
          [`${pkg}/__init__.py`]: '',
          [`${pkg}/${sub}.py`]: `${pyFiller(g)}\ndef ${real}(x):\n    return x\n`,
          [`tests/test_${sub}.py`]: `from ${pkg}.${sub} import ${wanted === real ? wanted + '_v2' : wanted}\n\n\ndef test_it():\n    assert ${wanted === real ? wanted + '_v2' : wanted}(1) == 1\n`,
        },
        cmd: `PYTHONPATH=. ${pytestCmd(g, 'tests')}`,
      };
    },
  }),
  py({
    id: 'py-relative-import-script', tool: 'python', stage: 'test', category: 'import', n: 10, expect: /attempted relative import/,
    make: (g) => {
      const a = g.noun(), b = g.noun() + '_' + g.noun(), fn = g.snake();
      return {
        files: { [`${a}/${b}.py`]: `from .${g.noun()} import ${fn}\n\nprint(${fn}())\n`, [`${a}/__init__.py`]: '' },
        cmd: `python3 ${a}/${b}.py`,
      };
    },
  }),
  py({
    id: 'py-import-submodule', tool: 'unittest', stage: 'test', category: 'import', n: 12, expect: /No module named '\w+\.\w+'/,
    make: (g) => {
      const pkg = g.modname(), sub = g.noun(), other = g.noun() + 's';
      return {
        files: {
          [`${pkg}/__init__.py`]: '',
          [`${pkg}/${sub}.py`]: pyFiller(g),
          [`test_${pkg}.py`]: `import unittest\nfrom ${pkg}.${other} import ${g.pascal()}\n\n\nclass T(unittest.TestCase):\n    def test_x(self):\n        self.assertTrue(True)\n`,
        },
        cmd: g.pick([`python3 -m unittest test_${pkg}`, `python3 -m unittest -v test_${pkg}`]),
      };
    },
  }),
  py({
    id: 'py-circular-import', tool: 'pytest', stage: 'test', category: 'import', n: 8, expect: /circular import|cannot import name/,
    make: (g) => {
      const a = g.noun() + '_a', b = g.noun() + '_b', fa = g.snake(), fb = g.snake();
      return {
        files: {
          [`${a}.py`]: `from ${b} import ${fb}\n\ndef ${fa}():\n    return ${fb}() + 1\n`,
          [`${b}.py`]: `from ${a} import ${fa}\n\ndef ${fb}():\n    return 1\n`,
          [`test_${a}.py`]: `from ${a} import ${fa}\n\ndef test_${fa}():\n    assert ${fa}() == 2\n`,
        },
        cmd: pytestCmd(g, '.'),
      };
    },
  }),
  py({
    id: 'py-dependency-missing-pytest', tool: 'pytest', stage: 'test', category: 'dependency-missing', n: 18, expect: /No module named '\w+'/,
    make: (g) => {
      const lib = g.pick(pyPackages.filter((p) => !['requests', 'numpy', 'yaml', 'pydantic', 'boto3', 'jinja2', 'click', 'attrs', 'cryptography', 'docker', 'flask', 'jsonschema'].includes(p)));
      const mod = g.modname();
      return {
        files: {
          [`${mod}.py`]: `import ${lib}\n${pyFiller(g)}`,
          [`tests/test_${mod}.py`]: `import ${mod}\n\n\ndef test_loads():\n    assert ${mod}\n`,
        },
        cmd: `PYTHONPATH=. ${pytestCmd(g, 'tests')}`,
      };
    },
  }),
  py({
    id: 'py-dependency-missing-script', tool: 'python', stage: 'test', category: 'dependency-missing', n: 12, expect: /No module named '\w+'/,
    make: (g) => {
      const lib = g.pick(['pandas', 'scipy', 'sklearn', 'torch', 'redis', 'celery', 'stripe', 'sqlalchemy', 'fastapi', 'httpx', 'aiohttp', 'lxml', 'bs4', 'dotenv', 'jwt', 'pymongo', 'polars', 'duckdb', 'structlog', 'loguru']);
      return {
        files: { [`scripts/check_${g.noun()}.py`]: `#!/usr/bin/env python3\n"""Smoke check run in CI."""\nfrom ${lib} import ${g.pick(['Client', 'load', 'create_engine', 'connect', 'DataFrame', 'Session'])}\n\nprint("ok")\n` },
        cmd: `python3 scripts/check_*.py`,
      };
    },
  }),
  py({
    id: 'py-type-operand', tool: 'pytest', stage: 'test', category: 'type', n: 18, expect: /TypeError/,
    make: (g) => {
      const mod = g.modname(), fn = g.snake(), a = g.noun();
      const bad = g.pick([
        `return "${a}: " + count`,
        `return count + "${g.int(1, 9)}"`,
        `return len(count)`,
        `return "${a}" * 2.5`,
        `return sum(["${a}", count])`,
        `return sorted([count, "${a}"])`,
        `return {[count]: 1}`,
        `return "${a}".join([count, count])`,
      ]);
      return {
        files: {
          [`${mod}.py`]: `${pyFiller(g, 1)}\ndef ${fn}(count):\n    ${bad}\n`,
          [`test_${mod}.py`]: `from ${mod} import ${fn}\n\n\ndef test_${fn}():\n    assert ${fn}(${g.int(1, 99)})\n`,
        },
        cmd: pytestCmd(g, '.'),
      };
    },
  }),
  py({
    id: 'py-type-unittest', tool: 'unittest', stage: 'test', category: 'type', n: 12, expect: /TypeError/,
    make: (g) => {
      const fn = g.snake(), k = g.noun();
      const bad = g.pick([`return max(values) < "${k}"`, `return int(values)`, `return values + 1`, `return hash(values)`, `return "%d items" % "${k}"`, `return next(values)`]);
      return {
        files: { [`test_${g.noun()}.py`]: `import unittest\n\n\ndef ${fn}(values):\n    ${bad}\n\n\nclass ${g.pascal()}Test(unittest.TestCase):\n    def test_${fn}(self):\n        self.assertTrue(${fn}([${g.int(1, 9)}, ${g.int(1, 9)}]))\n` },
        cmd: `python3 -m unittest discover ${g.pick(['', '-v'])}`,
      };
    },
  }),
  py({
    id: 'py-api-arity', tool: 'pytest', stage: 'test', category: 'api-contract-mismatch', n: 20, expect: /TypeError: .*(positional argument|keyword argument|required)/,
    make: (g) => {
      const mod = g.modname(), fn = g.snake(), a = g.noun(), b = g.noun() + '_id';
      const call = g.pick([`${fn}(1, 2, 3)`, `${fn}(1)`, `${fn}(1, 2, ${g.noun()}=True)`, `${fn}()`, `${fn}(${a}=1, ${b}=2, retries=3)`]);
      return {
        files: {
          [`${g.dir()}/${mod}.py`]: `${pyFiller(g, 1)}\ndef ${fn}(${a}, ${b}):\n    return (${a}, ${b})\n`,
          [`tests/test_${mod}.py`]: `from ${mod} import ${fn}\n\n\ndef test_${fn}():\n    assert ${call}\n`,
        },
        cmd: `PYTHONPATH=$(ls -d */ | grep -v tests | head -1) ${pytestCmd(g, 'tests')}`,
      };
    },
  }),
  py({
    id: 'py-api-attribute', tool: 'unittest', stage: 'test', category: 'api-contract-mismatch', n: 18, expect: /AttributeError/,
    make: (g) => {
      const cls = g.pascal(), m1 = g.snake(), m2 = g.snake();
      return {
        files: {
          [`${cls.toLowerCase()}.py`]: `class ${cls}:\n    def __init__(self, name):\n        self.name = name\n\n    def ${m1}(self):\n        return self.name.upper()\n`,
          [`test_${cls.toLowerCase()}.py`]: `import unittest\nfrom ${cls.toLowerCase()} import ${cls}\n\n\nclass ${cls}Test(unittest.TestCase):\n    def test_${m2}(self):\n        obj = ${cls}("${g.noun()}")\n        self.assertEqual(obj.${m2 === m1 ? m2 + '_all' : m2}(), "X")\n`,
        },
        cmd: g.pick(['python3 -m unittest discover', 'python3 -m unittest discover -v', 'python3 -m pytest -q -p no:cacheprovider']),
      };
    },
  }),
  py({
    id: 'py-api-module-attr', tool: 'python', stage: 'test', category: 'api-contract-mismatch', n: 10, expect: /has no attribute/,
    make: (g) => {
      const mod = g.modname(), fn = g.snake();
      return {
        files: { [`${mod}.py`]: pyFiller(g, 2), [`tests/run_${g.noun()}.py`]: `import sys\nsys.path.insert(0, ".")\nimport ${mod}\n\nprint(${mod}.${fn}([1, 2]))\n` },
        cmd: 'python3 tests/run_*.py',
      };
    },
  }),
  py({
    id: 'py-file-not-found', tool: 'pytest', stage: 'test', category: 'file-not-found', n: 18, expect: /FileNotFoundError|No such file or directory/,
    make: (g) => {
      const mod = g.modname(), fn = g.snake();
      const p = g.pick([`fixtures/${g.noun()}.json`, `data/${g.noun()}_${g.int(1, 9)}.csv`, `${g.dir()}/templates/${g.noun()}.html`, `config/${g.noun()}.yaml`, `/etc/${g.noun()}/${g.noun()}.conf`]);
      const read = g.pick([`open("${p}").read()`, `open("${p}", encoding="utf-8").readlines()`, `__import__("pathlib").Path("${p}").read_text()`, `__import__("json").load(open("${p}"))`]);
      return {
        files: { [`${mod}.py`]: `def ${fn}():\n    return ${read}\n`, [`test_${mod}.py`]: `from ${mod} import ${fn}\n\ndef test_${fn}():\n    assert ${fn}()\n` },
        cmd: pytestCmd(g, '.'),
      };
    },
  }),
  py({
    id: 'py-file-not-found-script', tool: 'python', stage: 'test', category: 'file-not-found', n: 10, expect: /FileNotFoundError|No such file/,
    make: (g) => {
      const f = `${g.noun()}s.${g.pick(['txt', 'json', 'csv', 'sql'])}`;
      return { files: { 'tests/load_seed.py': `import shutil\nshutil.copy("seeds/${f}", "/tmp/${f}")\n` }, cmd: 'python3 tests/load_seed.py' };
    },
  }),
  py({
    id: 'py-env-keyerror', tool: 'pytest', stage: 'test', category: 'environment-variable', n: 18, expect: /KeyError/,
    make: (g) => {
      const v = g.pick(envVars), mod = g.modname();
      const read = g.pick([`os.environ["${v}"]`, `os.environ['${v}']`, `dict(os.environ)["${v}"]`]);
      return {
        files: { [`${mod}.py`]: `import os\n\n\ndef settings():\n    return {"${v.toLowerCase()}": ${read}}\n`, [`test_${mod}.py`]: `from ${mod} import settings\n\ndef test_settings():\n    assert settings()\n` },
        cmd: `env -u ${v} ${pytestCmd(g, '.')}`,
      };
    },
  }),
  py({
    id: 'py-env-custom-message', tool: 'python', stage: 'test', category: 'environment-variable', n: 18, expect: /Error|error|Exception/, cause: /(?:Error|Exception|Exit)\b.*(?:environment|must be set|is required|not set|not configured|please set)/i,
    make: (g) => {
      const v = g.pick(envVars);
      const msg = g.pick([`f"{name} environment variable is not set"`, `f"Missing required environment variable: {name}"`, `f"{name} must be set"`, `f"Environment variable {name} is required"`, `f"please set {name} in the environment"`, `f"{name} is not configured; export it before running"`]);
      const exc = g.pick(['RuntimeError', 'SystemExit', 'EnvironmentError', 'KeyError', 'ValueError', 'Exception']);
      return {
        files: { [`app/config.py`]: `import os\n\n\ndef require(name):\n    value = os.getenv(name)\n    if not value:\n        raise ${exc}(${msg})\n    return value\n\n\n${g.snake().toUpperCase()} = require("${v}")\n`, 'tests/test_boot.py': 'import sys\nsys.path.insert(0, ".")\nimport app.config\n\ndef test_boot():\n    assert app.config\n' },
        cmd: g.chance(0.5) ? `env -u ${v} python3 -c 'import app.config'` : `env -u ${v} ${pytestCmd(g, 'tests')}`,
      };
    },
  }),
  py({
    id: 'py-env-pydantic-settings', tool: 'pytest', stage: 'test', category: 'environment-variable', n: 10, expect: /validation error|Field required/,
    make: (g) => {
      const fields = g.distinct(g.int(1, 3), () => g.pick(envVars).toLowerCase());
      const cls = g.pascal() + 'Settings';
      return {
        files: {
          'settings.py': `from pydantic_settings import BaseSettings\n\n\nclass ${cls}(BaseSettings):\n${fields.map((f) => `    ${f}: str`).join('\n')}\n    debug: bool = False\n\n\nsettings = ${cls}()\n`,
          'test_settings.py': 'def test_settings():\n    from settings import settings\n    assert settings\n',
        },
        cmd: `env ${fields.map((f) => `-u ${f.toUpperCase()}`).join(' ')} ${pytestCmd(g, '.')}`,
      };
    },
  }),
  py({
    id: 'py-env-getenv-int', tool: 'python', stage: 'test', category: 'environment-variable', n: 8, expect: /TypeError|ValueError|AttributeError/,
    make: (g) => {
      const v = g.pick(['PORT', 'WORKERS', 'TIMEOUT_SECONDS', 'MAX_CONNECTIONS', 'CACHE_TTL', 'BATCH_SIZE', 'REPLICAS']);
      const expr = g.pick([`int(os.getenv("${v}"))`, `os.getenv("${v}").split(",")`, `float(os.environ.get("${v}"))`, `os.environ.get("${v}").strip()`]);
      return { files: { 'tests/smoke_env.py': `import os\n\nvalue = ${expr}\nprint(value)\n` }, cmd: `env -u ${v} python3 tests/smoke_env.py` };
    },
  }),
  py({
    id: 'py-net-refused', tool: 'pytest', stage: 'test', category: 'network-timeout', n: 16, expect: /Connection refused|ConnectionRefused|URLError/, cause: /^E\s+.*(?:Connection refused|ConnectionRefused|URLError)/,
    make: (g) => {
      const port = g.pick([1, 9, 5432, 6379, 8081, 9200, 27017, 3306, 5672]);
      const call = g.pick([
        `urllib.request.urlopen("http://127.0.0.1:${port}/${g.noun()}s", timeout=2)`,
        `socket.create_connection(("127.0.0.1", ${port}), timeout=2)`,
        `http.client.HTTPConnection("localhost", ${port}, timeout=2).request("GET", "/health")`,
      ]);
      return {
        files: { [`test_${g.noun()}_client.py`]: `import http.client\nimport socket\nimport urllib.request\n\n\ndef test_${g.snake()}():\n    ${call}\n` },
        cmd: pytestCmd(g, '.'),
      };
    },
  }),
  py({
    id: 'py-net-requests', tool: 'python', stage: 'test', category: 'network-timeout', n: 12, expect: /ConnectionError|Max retries exceeded|NewConnectionError/,
    make: (g) => {
      const host = g.pick(['127.0.0.1:1', 'localhost:9', `${g.noun()}.invalid`, `api.${g.noun()}.invalid`, '127.0.0.1:65000']);
      return { files: { 'tests/check_api.py': `import requests\n\nr = requests.${g.pick(['get', 'post'])}("http://${host}/v${g.int(1, 3)}/${g.noun()}s", timeout=3)\nr.raise_for_status()\n` }, cmd: 'python3 tests/check_api.py' };
    },
  }),
  py({
    id: 'py-net-timeout', tool: 'pytest', stage: 'test', category: 'network-timeout', n: 12, expect: /timed out|Timeout/, cause: /^E\s+.*(?:Timeout|timed out)/,
    make: (g) => {
      const call = g.pick([
        `urllib.request.urlopen(HANG + "/${g.noun()}", timeout=0.5).read()`,
        `requests.get(HANG + "/${g.noun()}s", timeout=0.5)`,
      ]);
      return {
        files: { [`test_${g.noun()}_timeout.py`]: `import os\nimport urllib.request\nimport requests\n\nHANG = os.environ["HANG_URL"]\n\n\ndef test_${g.snake()}():\n    ${call}\n` },
        cmd: pytestCmd(g, '.'),
        env: { HANG_URL: servers.hang },
      };
    },
  }),
  py({
    id: 'py-net-dns', tool: 'python', stage: 'test', category: 'network-timeout', n: 8, expect: /gaierror|Name or service not known|Temporary failure|No address|nodename nor servname/,
    make: (g) => ({ files: { 'tests/dns_check.py': `import socket\nsocket.getaddrinfo("${g.noun()}-${g.noun()}.invalid", ${g.pick([80, 443, 5432])})\n` }, cmd: 'python3 tests/dns_check.py' }),
  }),
  py({
    id: 'py-permission-write', tool: 'pytest', stage: 'test', category: 'permission-denied', n: 12, expect: /PermissionError|Permission denied/,
    make: (g) => {
      const target = g.pick(['/root/.cache/out.txt', '/var/lib/app.db', `/etc/${g.noun()}.conf`, '/usr/local/share/report.json', '/opt/data/export.csv']);
      return {
        files: { [`test_${g.noun()}_export.py`]: `def test_${g.snake()}():\n    with open("${target}", "w") as fh:\n        fh.write("${g.noun()}")\n` },
        cmd: `chmod -R a+rX . && runuser -u nobody -- python3 -m pytest -q -p no:cacheprovider .`,
        modes: { '.': 0o755 },
      };
    },
  }),
  py({
    id: 'py-permission-script', tool: 'python', stage: 'test', category: 'permission-denied', n: 8, expect: /PermissionError|Permission denied/,
    make: (g) => {
      const op = g.pick(['open("/etc/shadow").read()', 'os.mkdir("/opt/' + g.noun() + '")', 'os.remove("/etc/hostname")', 'shutil.copy("/etc/hosts", "/usr/bin/' + g.noun() + '")']);
      return { files: { 'tests/perm.py': `import os\nimport shutil\n\n${op}\n` }, cmd: 'chmod -R a+rX . && runuser -u nobody -- python3 tests/perm.py', modes: { '.': 0o755 } };
    },
  }),
  py({
    id: 'py-assert-pytest', tool: 'pytest', stage: 'test', category: 'assertion-failure', n: 24, expect: /assert/, cause: /^E\s+(?:Assertion|assert)/,
    make: (g) => {
      const mod = g.modname(), fn = g.snake(), a = g.int(1, 40), b = g.int(1, 40);
      const impl = g.pick([`return x + y + 1`, `return x * y`, `return abs(x - y)`, `return max(x, y)`, `return [x, y]`, `return {"sum": x - y}`, `return str(x) + str(y)`]);
      const check = g.pick([`assert ${fn}(${a}, ${b}) == ${a + b}`, `assert ${fn}(${a}, ${b}) in (${a}, ${b})`, `result = ${fn}(${a}, ${b})\n    assert result == {"sum": ${a + b}}`, `assert ${fn}(${a}, ${b}) is None`, `assert ${fn}(${a}, ${b}) < ${Math.min(a, b)}`]);
      return {
        files: { [`${mod}.py`]: `${pyFiller(g, 1)}\ndef ${fn}(x, y):\n    ${impl}\n`, [`tests/test_${mod}.py`]: `from ${mod} import ${fn}\n\n\ndef test_${fn}():\n    ${check}\n` },
        cmd: `PYTHONPATH=. ${pytestCmd(g, 'tests')}`,
      };
    },
  }),
  py({
    id: 'py-assert-unittest', tool: 'unittest', stage: 'test', category: 'assertion-failure', n: 20, expect: /AssertionError/,
    make: (g) => {
      const fn = g.snake(), n1 = g.noun(), n2 = g.noun();
      const check = g.pick([
        `self.assertEqual(${fn}("${n1}"), "${n1.toUpperCase()}")`,
        `self.assertIn("${n2}", ${fn}("${n1}"))`,
        `self.assertTrue(${fn}("${n1}").startswith("${n2}"))`,
        `self.assertListEqual(list(${fn}("${n1}")), ["${n1}"])`,
        `self.assertDictEqual({"k": ${fn}("${n1}")}, {"k": "${n2}"})`,
        `self.assertAlmostEqual(len(${fn}("${n1}")) / 3, ${g.int(5, 9)}.1, places=2)`,
        `self.assertIsNone(${fn}("${n1}"))`,
      ]);
      return {
        files: { [`test_${n1}.py`]: `import unittest\n\n\ndef ${fn}(s):\n    return s.title()\n\n\nclass ${g.pascal()}Test(unittest.TestCase):\n    def test_${fn}(self):\n        ${check}\n\n\nif __name__ == "__main__":\n    unittest.main()\n` },
        cmd: g.pick([`python3 -m unittest discover`, `python3 -m unittest -v test_${n1}`, `python3 test_${n1}.py`]),
      };
    },
  }),
  py({
    id: 'py-assert-doctest', tool: 'doctest', stage: 'test', category: 'assertion-failure', n: 10, expect: /Failed example/,
    make: (g) => {
      const fn = g.snake(), a = g.int(2, 30);
      return { files: { [`${g.noun()}.py`]: `def ${fn}(n):\n    """Return n squared.\n\n    >>> ${fn}(${a})\n    ${a * a + g.int(1, 5)}\n    """\n    return n * n\n` }, cmd: 'python3 -m doctest -v *.py' };
    },
  }),
  py({
    id: 'py-assert-did-not-raise', tool: 'pytest', stage: 'test', category: 'assertion-failure', n: 10, expect: /DID NOT RAISE/,
    make: (g) => {
      const fn = g.snake(), exc = g.pick(['ValueError', 'KeyError', 'TypeError', 'PermissionError']);
      return { files: { [`test_${g.noun()}.py`]: `import pytest\n\n\ndef ${fn}(x):\n    return x\n\n\ndef test_${fn}_rejects():\n    with pytest.raises(${exc}):\n        ${fn}(${g.value()})\n` }, cmd: pytestCmd(g, '.') };
    },
  }),
  py({
    id: 'py-timeout-subprocess', tool: 'pytest', stage: 'test', category: 'timeout', n: 10, expect: /TimeoutExpired|timed out/,
    make: (g) => ({ files: { [`test_${g.noun()}_cli.py`]: `import subprocess\n\n\ndef test_${g.snake()}():\n    subprocess.run(["sleep", "${g.int(3, 9)}"], timeout=${g.pick(['0.2', '0.5', '1'])}, check=True)\n` }, cmd: pytestCmd(g, '.') }),
  }),
  py({
    id: 'py-timeout-future', tool: 'pytest', stage: 'test', category: 'timeout', n: 10, expect: /TimeoutError|timed out/, cause: /^E\s+/,
    make: (g) => {
      const body = g.pick([
        `with concurrent.futures.ThreadPoolExecutor() as ex:\n        fut = ex.submit(time.sleep, 2)\n        fut.result(timeout=0.2)`,
        `async def slow():\n        await asyncio.sleep(2)\n    asyncio.run(asyncio.wait_for(slow(), timeout=0.2))`,
        `q = queue.Queue()\n    import threading\n    ev = threading.Event()\n    if not ev.wait(timeout=0.2):\n        raise TimeoutError("${g.noun()} worker did not finish in time")`,
      ]);
      return { files: { [`test_${g.noun()}_worker.py`]: `import asyncio\nimport concurrent.futures\nimport queue\nimport time\n\n\ndef test_${g.snake()}():\n    ${body}\n` }, cmd: pytestCmd(g, '.') };
    },
  }),
  py({
    id: 'py-oom', tool: 'python', stage: 'test', category: 'out-of-memory', n: 10, expect: /MemoryError/,
    make: (g) => {
      const alloc = g.pick(['data = [0] * (10 ** 10)', `blob = bytearray(${g.int(3, 9)} * 1024 ** 3)`, 'rows = ["x" * 1024 for _ in range(10 ** 8)]', 'm = {i: str(i) * 100 for i in range(10 ** 9)}']);
      return { files: { 'tests/load_test.py': `${alloc}\nprint(len(data if "data" in dir() else []))\n` }, cmd: `ulimit -v ${g.pick([200000, 300000, 400000])} && python3 tests/load_test.py` };
    },
  }),
  py({
    id: 'py-runtime-index', tool: 'pytest', stage: 'test', category: 'runtime-error', n: 14, expect: /IndexError|ZeroDivisionError|ValueError|RecursionError/,
    make: (g) => {
      const fn = g.snake();
      const body = g.pick([`return items[len(items)]`, `return sum(items) / (len(items) - len(items))`, `return int("${g.noun()}")`, `return ${fn}(items)`, `return items.pop(${g.int(5, 20)})`, `return [].pop()`, `return list(items).index(${g.int(100, 999)})`]);
      return { files: { [`test_${g.noun()}.py`]: `def ${fn}(items):\n    ${body}\n\n\ndef test_${fn}():\n    assert ${fn}([${g.int(1, 9)}, ${g.int(1, 9)}])\n` }, cmd: pytestCmd(g, '.') };
    },
  }),
  py({
    id: 'py-runtime-none', tool: 'unittest', stage: 'test', category: 'runtime-error', n: 12, expect: /NoneType/,
    make: (g) => {
      const fn = g.snake(), attr = g.noun();
      const use = g.pick([`return find()["${attr}"]`, `return find().${attr}`, `return len(find())`, `return [x for x in find()]`]);
      return { files: { [`test_${g.noun()}.py`]: `import unittest\n\n\ndef find():\n    return None\n\n\ndef ${fn}():\n    ${use}\n\n\nclass T(unittest.TestCase):\n    def test_${fn}(self):\n        self.assertTrue(${fn}())\n` }, cmd: 'python3 -m unittest discover -v' };
    },
  }),
  py({
    id: 'py-runtime-keyerror-dict', tool: 'pytest', stage: 'test', category: 'runtime-error', n: 10, expect: /KeyError/,
    make: (g) => {
      const k = g.noun() + '_' + g.noun();
      return { files: { [`test_${g.noun()}.py`]: `def test_${g.snake()}():\n    record = {"id": ${g.int(1, 99)}, "name": "${g.noun()}"}\n    assert record["${k}"]\n` }, cmd: pytestCmd(g, '.') };
    },
  }),
  py({
    id: 'py-config-yaml', tool: 'python', stage: 'test', category: 'configuration-error', n: 12, expect: /yaml\.\w+\.\w+Error/,
    make: (g) => {
      const k1 = g.noun(), k2 = g.noun();
      const bad = g.pick([`${k1}:\n  ${k2}: 1\n   port: 80\n`, `${k1}: [1, 2\n${k2}: 3\n`, `${k1}: "unterminated\n${k2}: 2\n`, `- ${k1}\n${k2}: 1\n`, `${k1}:\n\t${k2}: true\n`]);
      return { files: { [`config/${g.noun()}.yml`]: bad, 'tests/load_config.py': 'import glob\nimport yaml\n\nfor p in glob.glob("config/*.yml"):\n    yaml.safe_load(open(p))\n' }, cmd: 'python3 tests/load_config.py' };
    },
  }),
  py({
    id: 'py-config-json', tool: 'pytest', stage: 'test', category: 'configuration-error', n: 10, expect: /JSONDecodeError/,
    make: (g) => {
      const bad = g.pick([`{"${g.noun()}": 1,}`, `{${g.noun()}: true}`, `{"a": 1 "b": 2}`, `{"${g.noun()}": [1, 2}`, `// comment\n{"x": 1}`]);
      return { files: { 'settings.json': bad, 'test_settings.py': 'import json\n\n\ndef test_settings_load():\n    with open("settings.json") as fh:\n        assert json.load(fh)\n' }, cmd: pytestCmd(g, '.') };
    },
  }),
  py({
    id: 'py-config-ini', tool: 'python', stage: 'test', category: 'configuration-error', n: 8, expect: /configparser|Error/,
    make: (g) => {
      const bad = g.pick([`${g.noun()} = 1\n[main]\n`, `[main]\n${g.noun()} = 1\n${g.noun()}\n[main]\nx = 2\n`, `[main]\nkey = 1\nkey = 2\n`]);
      return { files: { 'setup.cfg': bad, 'tests/cfg.py': 'import configparser\n\nc = configparser.ConfigParser()\nc.read("setup.cfg")\n' }, cmd: 'python3 tests/cfg.py' };
    },
  }),
];
