import type { Case, Gen, Template } from '../lib.js';
import { envVars } from '../words.js';
import { servers } from '../servers.js';
import { LINK, jestCmd, jsFiller, missingPackage, pkgJson, vitestCmd } from './js-common.js';

const js = (t: Omit<Template, 'lang'>): Template => ({ lang: 'javascript', ...t });

type Runner = 'jest' | 'vitest' | 'mocha' | 'node-test';

/** One failing test file for a JS runner around `body` (statements that throw or assert). */
function testProject(g: Gen, runner: Runner, body: string, src: Record<string, string> = {}, srcImport = ''): { files: Record<string, string>; cmd: string } {
  const name = g.camel();
  const file = `${g.pick(['test', '__tests__', 'tests', 'src'])}/${g.noun()}.${runner === 'mocha' ? 'spec' : 'test'}.${runner === 'vitest' || runner === 'node-test' ? 'mjs' : 'js'}`;
  let content: string;
  let cmd: string;
  let pkg: string;
  switch (runner) {
    case 'jest':
      content = `${srcImport.replace(/^import (.*) from (.*);$/m, 'const $1 = require($2);')}\n\ndescribe('${g.noun()}', () => {\n  test('${name}', async () => {\n${body}\n  });\n});\n`;
      pkg = pkgJson(g, { scripts: { test: 'jest' } });
      cmd = LINK + jestCmd(g);
      break;
    case 'vitest':
      content = `import { describe, test, expect } from 'vitest';\n${srcImport}\n\ndescribe('${g.noun()}', () => {\n  test('${name}', async () => {\n${body}\n  });\n});\n`;
      pkg = pkgJson(g, { scripts: { test: 'vitest run' } });
      cmd = LINK + vitestCmd(g);
      break;
    case 'mocha':
      content = `const assert = require('node:assert');\nconst { expect } = require('chai');\n${srcImport.replace(/^import (.*) from (.*);$/m, 'const $1 = require($2);')}\n\ndescribe('${g.noun()}', function () {\n  it('${name}', async function () {\n${body}\n  });\n});\n`;
      pkg = pkgJson(g, { scripts: { test: `mocha '${file.split('/')[0]}/**/*.spec.js'` } });
      cmd = LINK + g.pick(['npm test', `npx mocha ${file}`, `npx mocha --reporter spec ${file}`]);
      break;
    default:
      content = `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\n${srcImport}\n\ntest('${name}', async () => {\n${body}\n});\n`;
      pkg = pkgJson(g, { scripts: { test: 'node --test' } });
      cmd = g.pick([`node --test ${file}`, 'npm test', `node --test --test-reporter=spec ${file}`]);
  }
  return { files: { 'package.json': pkg, [file]: content, ...src }, cmd };
}

const runners: Runner[] = ['jest', 'vitest', 'mocha', 'node-test'];
const cjsRunner = (r: Runner): boolean => r === 'jest' || r === 'mocha';

/** Source module + import line in the runner's module system. */
function srcModule(g: Gen, r: Runner, code: string, exportsList: string[]): { src: Record<string, string>; imp: string } {
  const base = `${g.pick(['src', 'lib', 'app'])}/${g.noun()}`;
  if (cjsRunner(r)) return { src: { [`${base}.js`]: `${code}\nmodule.exports = { ${exportsList.join(', ')} };\n` }, imp: `import { ${exportsList.join(', ')} } from '../${base}';` };
  return { src: { [`${base}.mjs`]: `${code.replace(/^function /gm, 'export function ')}\n` }, imp: `import { ${exportsList.join(', ')} } from '../${base}.mjs';` };
}

function forEachRunner(base: Omit<Template, 'lang' | 'id' | 'tool' | 'make' | 'n'> & { id: string; n: number }, body: (g: Gen, r: Runner) => { files: Record<string, string>; cmd: string }, which: Runner[] = runners): Template[] {
  return which.map((r) => js({ ...base, id: `${base.id}-${r}`, tool: r, n: base.n, make: (g) => body(g, r) }));
}

export const javascriptTemplates: Template[] = [
  ...forEachRunner({ id: 'js-reference-error', stage: 'test', category: 'undefined-name', n: 8, expect: /ReferenceError|is not defined/ }, (g, r) => {
    const fn = g.camel(), missing = g.camel();
    const m = srcModule(g, r, `${jsFiller(g, 1)}\nfunction ${fn}(items) {\n  return items.map((x) => ${missing}(x));\n}\n`, [fn]);
    const p = testProject(g, r, `    ${r === 'node-test' || r === 'mocha' ? 'assert.ok' : 'expect'}(${fn}([${g.int(1, 9)}]))${r === 'jest' || r === 'vitest' ? '.toBeTruthy()' : ''};`, m.src, m.imp);
    return p;
  }),
  ...forEachRunner({ id: 'js-not-a-function', stage: 'test', category: 'api-contract-mismatch', n: 8, expect: /is not a function|is not a constructor/ }, (g, r) => {
    const cls = g.pascal(), m1 = g.camel(), m2 = g.camel();
    const code = `class ${cls} {\n  constructor(opts) {\n    this.opts = opts;\n  }\n\n  ${m1}() {\n    return this.opts;\n  }\n}\n\nfunction make${cls}() {\n  return new ${cls}({ id: ${g.int(1, 99)} });\n}\n`;
    const m = srcModule(g, r, code, [`make${cls}`]);
    return testProject(g, r, `    const obj = make${cls}();\n    const out = obj.${m2}();\n    ${r === 'jest' || r === 'vitest' ? 'expect(out).toBeDefined()' : 'assert.ok(out)'};`, m.src, m.imp);
  }),
  ...forEachRunner({ id: 'js-nullish', stage: 'test', category: 'runtime-error', n: 7, expect: /Cannot read propert|Cannot set propert|Cannot destructure/ }, (g, r) => {
    const fn = g.camel(), k = g.noun(), k2 = g.noun();
    const expr = g.pick([`config.${k}.${k2}`, `rows[${g.int(3, 9)}].${k}`, `lookup()?.${k}.${k2}`, `(() => { const { ${k} } = lookup(); return ${k}; })()`]);
    const m = srcModule(g, r, `function lookup() {\n  return undefined;\n}\n\nfunction ${fn}(config, rows) {\n  return ${expr};\n}\n`, [fn]);
    return testProject(g, r, `    ${r === 'jest' || r === 'vitest' ? 'expect' : 'assert.ok'}(${fn}({}, []))${r === 'jest' || r === 'vitest' ? '.toBeTruthy()' : ''};`, m.src, m.imp);
  }),
  ...forEachRunner({ id: 'js-assert', stage: 'test', category: 'assertion-failure', n: 10, expect: /AssertionError|expect\(|Expected|expected/ }, (g, r) => {
    const fn = g.camel(), a = g.int(1, 50), b = g.int(1, 50), word = g.noun();
    const impl = g.pick([`return a + b + 1;`, `return a * b;`, `return [a, b];`, `return { total: a - b };`, `return \`\${a}-\${b}\`;`, `return a > b;`]);
    const m = srcModule(g, r, `function ${fn}(a, b) {\n  ${impl}\n}\n`, [fn]);
    const expectStmt = r === 'jest' || r === 'vitest'
      ? g.pick([`expect(${fn}(${a}, ${b})).toBe(${a + b});`, `expect(${fn}(${a}, ${b})).toEqual({ total: ${a + b} });`, `expect(${fn}(${a}, ${b})).toBeNull();`, `expect(${fn}(${a}, ${b})).toStrictEqual([${b}, ${a}]);`, `expect(${fn}(${a}, ${b})).toBeGreaterThan(${a * b + 10});`])
      : r === 'mocha'
        ? g.pick([`expect(${fn}(${a}, ${b})).to.equal(${a + b});`, `expect(${fn}(${a}, ${b})).to.deep.equal({ total: ${a + b} });`, `assert.strictEqual(${fn}(${a}, ${b}), ${a + b});`, `expect(${fn}(${a}, ${b})).to.include('${word}');`])
        : g.pick([`assert.strictEqual(${fn}(${a}, ${b}), ${a + b});`, `assert.deepStrictEqual(${fn}(${a}, ${b}), { total: ${a + b} });`, `assert.ok(${fn}(${a}, ${b}) === '${word}', '${word} expected');`, `assert.match(String(${fn}(${a}, ${b})), /${word}/);`]);
    return testProject(g, r, `    ${expectStmt}`, m.src, m.imp);
  }),
  ...forEachRunner({ id: 'js-enoent', stage: 'test', category: 'file-not-found', n: 6, expect: /ENOENT/ }, (g, r) => {
    const p = g.pick([`fixtures/${g.noun()}.json`, `data/${g.noun()}.csv`, `templates/${g.noun()}.hbs`, `config/${g.noun()}.${g.pick(['yml', 'json'])}`]);
    const read = g.pick([`fs.readFileSync('${p}', 'utf8')`, `JSON.parse(fs.readFileSync(path.join(process.cwd(), '${p}'), 'utf8'))`, `await fs.promises.readFile('${p}')`, `fs.statSync('${p}').size`]);
    const imp = cjsRunner(r) ? `const fs = require('node:fs');\nconst path = require('node:path');` : `import fs from 'node:fs';\nimport path from 'node:path';`;
    const p2 = testProject(g, r, `    const data = ${read};\n    ${r === 'jest' || r === 'vitest' ? 'expect(data).toBeTruthy()' : 'assert.ok(data)'};`);
    const f = Object.keys(p2.files).find((k) => /\.(test|spec)\./.test(k))!;
    p2.files[f] = cjsRunner(r) ? `${imp}\n${p2.files[f]}` : p2.files[f]!.replace(/^(import [^\n]*\n)/, `$1${imp}\n`);
    return p2;
  }),
  ...forEachRunner({ id: 'js-env-missing', stage: 'test', category: 'environment-variable', n: 6, expect: /Error/, cause: /environment|must be defined|is required|is missing|not set|please set/i }, (g, r) => {
    const v = g.pick(envVars);
    const msg = g.pick([`Missing required environment variable ${v}`, `${v} is not set`, `Environment variable ${v} must be defined`, `${v} env var is required`, `Please set the ${v} environment variable`, `Config error: ${v} is missing from the environment`]);
    const m = srcModule(g, r, `function loadConfig() {\n  const value = process.env.${v};\n  if (!value) {\n    throw new Error('${msg}');\n  }\n  return { ${g.noun()}: value };\n}\n`, ['loadConfig']);
    const p = testProject(g, r, `    const cfg = loadConfig();\n    ${r === 'jest' || r === 'vitest' ? 'expect(cfg).toBeDefined()' : 'assert.ok(cfg)'};`, m.src, m.imp);
    return { ...p, cmd: `env -u ${v} bash -c ${JSON.stringify(p.cmd)}` };
  }),
  ...forEachRunner({ id: 'js-net-refused', stage: 'test', category: 'network-timeout', n: 6, expect: /ECONNREFUSED|ENOTFOUND|fetch failed|EAI_AGAIN/ }, (g, r) => {
    const url = g.pick([`http://127.0.0.1:${g.pick([1, 9, 5432, 6379, 8545])}/${g.noun()}`, `http://${g.noun()}.invalid/api/${g.noun()}s`, `http://localhost:${g.pick([3001, 4000, 9999])}/health`]);
    return testProject(g, r, `    const res = await fetch('${url}');\n    ${r === 'jest' || r === 'vitest' ? 'expect(res.ok).toBe(true)' : 'assert.ok(res.ok)'};`);
  }, ['jest', 'vitest', 'node-test', 'mocha']),
  ...forEachRunner({ id: 'js-net-timeout', stage: 'test', category: 'network-timeout', n: 5, expect: /aborted due to timeout|TimeoutError|ETIMEDOUT|Headers Timeout|socket hang up/ }, (g, r) => {
    return testProject(g, r, `    const res = await fetch('${servers.hang}/${g.noun()}s', { signal: AbortSignal.timeout(${g.pick([200, 300, 500])}) });\n    ${r === 'jest' || r === 'vitest' ? 'expect(res.status).toBe(200)' : 'assert.equal(res.status, 200)'};`);
  }, ['vitest', 'mocha']),
  ...forEachRunner({ id: 'js-timeout', stage: 'test', category: 'timeout', n: 8, expect: /timeout|timed out|Timeout/i, cause: /timed out|Timeout of|Exceeded timeout/ }, (g, r) => {
    const ms = g.pick([100, 150, 200, 250]);
    const wait = `await new Promise((resolve) => setTimeout(resolve, ${ms * g.int(5, 10)}));`;
    const p = testProject(g, r, `    ${wait}`);
    const f = Object.keys(p.files).find((k) => /\.(test|spec)\./.test(k))!;
    let c = p.files[f]!;
    if (r === 'jest' || r === 'vitest') c = c.replace(/\n  \}\);\n\}\);\n$/, `\n  }, ${ms});\n});\n`);
    else if (r === 'mocha') c = c.replace(/async function \(\) \{\n(\s+await)/, `async function () {\n    this.timeout(${ms});\n$1`);
    else c = c.replace(/test\('(\w+)', async/, `test('$1', { timeout: ${ms} }, async`);
    p.files[f] = c;
    return p;
  }),
];

/** Node run directly, module resolution and configuration. */
export const nodeTemplates: Template[] = [
  js({
    id: 'node-require-relative', tool: 'node', stage: 'test', category: 'import', n: 12, expect: /Cannot find module '\.\.?\//,
    make: (g) => {
      const dir = g.dir(), mod = g.noun();
      return { files: { [`${dir}/index.js`]: `const { ${g.camel()} } = require('./${g.pick(['', 'lib/', 'utils/', '../' + g.dir() + '/'])}${mod}${g.pick(['', '.js'])}');\n${jsFiller(g, 1)}`, 'package.json': pkgJson(g) }, cmd: g.pick([`node ${dir}/index.js`, `node -e "require('./${dir}')"`]) };
    },
  }),
  js({
    id: 'node-esm-missing-export', tool: 'node', stage: 'test', category: 'import', n: 12, expect: /does not provide an export named/,
    make: (g) => {
      const a = g.noun(), real = g.camel(), wanted = g.camel();
      return { files: { [`lib/${a}.mjs`]: `export function ${real}() {\n  return 1;\n}\n`, [`test/${a}.test.mjs`]: `import { ${wanted === real ? wanted + 'V2' : wanted} } from '../lib/${a}.mjs';\nimport { test } from 'node:test';\n\ntest('x', () => {});\n` }, cmd: `node --test test/` };
    },
  }),
  js({
    id: 'jest-cannot-find-relative', tool: 'jest', stage: 'test', category: 'import', n: 10, expect: /Cannot find module '\.\.?\//,
    make: (g) => {
      const mod = g.noun();
      return { files: { 'package.json': pkgJson(g, { scripts: { test: 'jest' } }), [`src/${mod}.test.js`]: `const { ${g.camel()} } = require('./${g.pick(['', 'helpers/', '../lib/'])}${g.noun()}');\n\ntest('${g.camel()}', () => {\n  expect(1).toBe(1);\n});\n` }, cmd: LINK + jestCmd(g) };
    },
  }),
  js({
    id: 'vitest-failed-resolve-relative', tool: 'vitest', stage: 'test', category: 'import', n: 10, expect: /Failed to (?:resolve|load)|Cannot find module|does not exist/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { type: 'module', scripts: { test: 'vitest run' } }), [`src/${g.noun()}.test.js`]: `import { test, expect } from 'vitest';\nimport { ${g.camel()} } from './${g.pick(['', 'utils/', '../lib/'])}${g.noun()}${g.pick(['', '.js'])}';\n\ntest('x', () => {\n  expect(1).toBe(1);\n});\n` }, cmd: LINK + vitestCmd(g) }),
  }),
  js({
    id: 'node-package-missing', tool: 'node', stage: 'test', category: 'dependency-missing', n: 14, expect: /Cannot find (?:module|package) '[^.\/]/,
    make: (g): Case => {
      const p = missingPackage(g);
      return g.chance(0.5)
        ? { files: { 'index.mjs': `import ${g.camel()} from '${p}';\n${jsFiller(g, 1)}`, 'package.json': pkgJson(g, { type: 'module' }) }, cmd: 'node index.mjs' }
        : { files: { 'server.js': `const ${g.camel()} = require('${p}');\n${jsFiller(g, 1)}`, 'package.json': pkgJson(g) }, cmd: g.pick(['node server.js', 'node -r ./server.js -e 1']) };
    },
  }),
  js({
    id: 'jest-package-missing', tool: 'jest', stage: 'test', category: 'dependency-missing', n: 10, expect: /Cannot find module '[^.\/]/,
    make: (g) => {
      const p = missingPackage(g);
      return { files: { 'package.json': pkgJson(g, { scripts: { test: 'jest' } }), [`src/${g.noun()}.js`]: `const dep = require('${p}');\nmodule.exports = () => dep;\n`, [`src/${g.noun()}.test.js`]: `const { ${g.camel()} } = require('${p}');\n\ntest('x', () => {\n  expect(${g.int(1, 5)}).toBe(1);\n});\n` }, cmd: LINK + jestCmd(g) };
    },
  }),
  js({
    id: 'vitest-package-missing', tool: 'vitest', stage: 'test', category: 'dependency-missing', n: 8, expect: /Failed to (?:resolve|load)|Cannot find (?:package|module)/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { type: 'module', scripts: { test: 'vitest run' } }), [`test/${g.noun()}.test.js`]: `import { test, expect } from 'vitest';\nimport ${g.camel()} from '${missingPackage(g)}';\n\ntest('x', () => {\n  expect(1).toBe(1);\n});\n` }, cmd: LINK + vitestCmd(g) }),
  }),
  js({
    id: 'node-syntax', tool: 'node', stage: 'test', category: 'syntax', n: 14, expect: /SyntaxError/,
    make: (g) => {
      const fn = g.camel(), a = g.noun();
      const bad = g.pick([`function ${fn}(${a} {\n  return ${a};\n}\n`, `const ${a} = { x: 1, y: 2;\n`, `if (${a} > 1 {\n  console.log(${a});\n}\n`, `const ${fn} = (${a}) => {\n  return ${a} +;\n};\n`, `let ${a} = [1, 2, 3;\n`, `const s = '${a};\n`, `function ${fn}() {\n  return 1;\n\n`, `const ${a} = await import('x') }\n`, `class ${g.pascal()} {\n  ${fn}() {\n    return 1\n  }\n  ,\n}\n`]);
      return { files: { [`${g.dir()}/${g.noun()}.js`]: `${jsFiller(g, 1)}\n${bad}`, 'package.json': pkgJson(g) }, cmd: g.pick(['node */*.js', 'node --check */*.js', 'node --test']) };
    },
  }),
  js({
    id: 'jest-syntax', tool: 'jest', stage: 'test', category: 'syntax', n: 10, expect: /SyntaxError|Unexpected token/,
    make: (g) => {
      const a = g.noun();
      const bad = g.pick([`const ${a} = { x: 1, y: 2;\n`, `function f(${a} {\n  return ${a};\n}\n`, `const s = \`${a};\n`, `if (true) {\n  x();\n\n`]);
      return { files: { 'package.json': pkgJson(g, { scripts: { test: 'jest' } }), [`src/${a}.js`]: `${bad}module.exports = {};\n`, [`src/${a}.test.js`]: `const m = require('./${a}');\n\ntest('loads', () => {\n  expect(m).toBeDefined();\n});\n` }, cmd: LINK + jestCmd(g) };
    },
  }),
  js({
    id: 'node-eacces', tool: 'node', stage: 'test', category: 'permission-denied', n: 10, expect: /EACCES|EPERM|permission denied/i,
    make: (g) => {
      const target = g.pick(['/etc/' + g.noun() + '.json', '/usr/local/lib/' + g.noun(), '/root/.config/' + g.noun() + '.json', '/var/log/' + g.noun() + '.log']);
      const op = g.pick([`fs.writeFileSync('${target}', '{}')`, `fs.mkdirSync('${target}', { recursive: true })`, `fs.appendFileSync('${target}', 'x')`]);
      return { files: { 'test/write.test.js': `const fs = require('node:fs');\nconst { test } = require('node:test');\n\ntest('${g.camel()}', () => {\n  ${op};\n});\n`, 'package.json': pkgJson(g) }, cmd: 'chmod -R a+rX . && runuser -u nobody -- node --test test/', modes: { '.': 0o755 } };
    },
  }),
  js({
    id: 'node-oom', tool: 'node', stage: 'test', category: 'out-of-memory', n: 10, expect: /heap out of memory|Reached heap limit|Allocation failed/,
    make: (g) => {
      const body = g.pick(['const a = []; for (;;) a.push({ id: a.length, payload: "x".repeat(64) });', 'const m = new Map(); let i = 0; for (;;) m.set(i++, new Array(100).fill(i));', 'let s = []; while (true) s.push(Buffer.alloc(0).toString() + Math.random());']);
      return { files: { 'test/load.js': `${body}\n` }, cmd: `node --max-old-space-size=${g.pick([24, 32, 48, 64])} test/load.js`, timeoutMs: 60_000 };
    },
  }),
  js({
    id: 'node-type-runtime', tool: 'node', stage: 'test', category: 'type', n: 10, expect: /TypeError/, cause: /error: '|TypeError:/,
    make: (g) => {
      const a = g.noun();
      const bad = g.pick([`const ${a} = 1;\n${a} = 2;`, `const n = 10n + ${g.int(1, 9)};`, `require('node:fs').readFileSync(undefined);`, `require('node:path').join('${a}', ${g.int(1, 9)});`, `JSON.stringify((() => { const o = {}; o.self = o; return o; })());`, `Symbol('${a}') + '';`]);
      return { files: { 'test/type.test.js': `const { test } = require('node:test');\n\ntest('${g.camel()}', () => {\n  ${bad}\n});\n` }, cmd: 'node --test test/' };
    },
  }),
  js({
    id: 'node-range', tool: 'node', stage: 'test', category: 'runtime-error', n: 8, expect: /RangeError/, cause: /error: '|RangeError:/,
    make: (g) => {
      const fn = g.camel();
      const bad = g.pick([`function ${fn}(n) { return ${fn}(n + 1); }\n${fn}(0);`, `new Array(-${g.int(1, 9)});`, `(${g.int(1, 99)}.5).toFixed(${g.int(101, 200)});`, `'${g.noun()}'.repeat(-1);`]);
      return { files: { 'test/range.test.js': `const { test } = require('node:test');\n\ntest('${fn}', () => {\n  ${bad}\n});\n` }, cmd: 'node --test test/' };
    },
  }),
  js({
    id: 'node-esm-config', tool: 'node', stage: 'test', category: 'configuration-error', n: 10, expect: /Cannot use import statement outside a module|ERR_REQUIRE_ESM|ERR_UNKNOWN_FILE_EXTENSION|require\(\) of ES Module/,
    make: (g) => {
      const k = g.int(0, 2);
      if (k === 0) return { files: { 'package.json': pkgJson(g, { type: 'commonjs' }), [`src/${g.noun()}.js`]: `import fs from 'node:fs';\nexport const x = fs.existsSync('.');\n` }, cmd: 'node src/*.js' };
      if (k === 1) return { files: { 'package.json': pkgJson(g), [`src/${g.noun()}.ts`]: `export const x: number = 1;\nconsole.log(x);\n` }, cmd: 'node --test src/' };
      return { files: { 'package.json': pkgJson(g), 'lib/esm.mjs': 'export default 1;\n', 'index.js': `const x = require('./lib/esm.mjs');\nconsole.log(x);\n` }, cmd: 'node --no-experimental-require-module index.js' };
    },
  }),
  js({
    id: 'jest-invalid-config', tool: 'jest', stage: 'test', category: 'configuration-error', n: 8, expect: /Validation Error|Unknown option|must be of type|Module .* in the .* option was not found/,
    make: (g) => {
      const bad = g.pick([`testTimeout: '${g.noun()}'`, `testEnvironment: 'jest-environment-${g.noun()}'`, `setupFilesAfterEach: ['./${g.noun()}.js']`, `roots: '${g.dir()}'`, `setupFiles: ['<rootDir>/${g.noun()}.setup.js']`, `preset: '${g.noun()}-jest'`]);
      return { files: { 'package.json': pkgJson(g, { scripts: { test: 'jest' } }), 'jest.config.js': `module.exports = {\n  ${bad},\n};\n`, 'a.test.js': 'test("a", () => expect(1).toBe(1));\n' }, cmd: LINK + jestCmd(g) };
    },
  }),
];

/** Snapshots, harness errors and coverage gates of the JS runners. */
export const jsHarnessTemplates: Template[] = [
  js({
    id: 'jest-snapshot-file', tool: 'jest', stage: 'test', category: 'snapshot-mismatch', n: 10, expect: /Snapshot|snapshot/,
    make: (g) => {
      const suite = g.noun(), name = `renders ${g.noun()} ${g.noun()}`, fn = g.camel(), v1 = g.noun(), v2 = g.noun();
      return {
        files: {
          'package.json': pkgJson(g, { scripts: { test: 'jest' } }),
          [`src/${suite}.test.js`]: `function ${fn}() {\n  return { title: '${v2}', items: [${g.int(1, 9)}, ${g.int(1, 9)}] };\n}\n\ndescribe('${suite}', () => {\n  test('${name}', () => {\n    expect(${fn}()).toMatchSnapshot();\n  });\n});\n`,
          [`src/__snapshots__/${suite}.test.js.snap`]: `// Jest Snapshot v1, https://jestjs.io/docs/snapshot-testing\n\nexports[\`${suite} ${name} 1\`] = \`\n{\n  "items": [\n    1,\n    2,\n  ],\n  "title": "${v1}",\n}\n\`;\n`,
        },
        cmd: LINK + g.pick(['npx jest --ci', 'npm test -- --ci', 'CI=true npx jest']),
      };
    },
  }),
  js({
    id: 'jest-snapshot-inline', tool: 'jest', stage: 'test', category: 'snapshot-mismatch', n: 8, expect: /Snapshot|snapshot/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { scripts: { test: 'jest' } }), [`${g.noun()}.test.js`]: `test('${g.camel()}', () => {\n  expect('${g.noun()}-${g.int(1, 99)}').toMatchInlineSnapshot(\`"${g.noun()}-${g.int(1, 99)}"\`);\n});\n` }, cmd: LINK + 'npx jest --ci' }),
  }),
  js({
    id: 'vitest-snapshot-file', tool: 'vitest', stage: 'test', category: 'snapshot-mismatch', n: 10, expect: /Snapshot|snapshot/,
    make: (g) => {
      const suite = g.noun(), name = `formats ${g.noun()}`, v1 = g.noun(), v2 = g.noun();
      return {
        files: {
          'package.json': pkgJson(g, { type: 'module', scripts: { test: 'vitest run' } }),
          [`test/${suite}.test.js`]: `import { describe, test, expect } from 'vitest';\n\ndescribe('${suite}', () => {\n  test('${name}', () => {\n    expect({ label: '${v2}', n: ${g.int(1, 9)} }).toMatchSnapshot();\n  });\n});\n`,
          [`test/__snapshots__/${suite}.test.js.snap`]: `// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html\n\nexports[\`${suite} > ${name} 1\`] = \`\n{\n  "label": "${v1}",\n  "n": 0,\n}\n\`;\n`,
        },
        cmd: LINK + g.pick(['npx vitest run', 'CI=true npx vitest run', 'npm test']),
        env: { CI: 'true' },
      };
    },
  }),
  js({
    id: 'vitest-snapshot-inline', tool: 'vitest', stage: 'test', category: 'snapshot-mismatch', n: 8, expect: /Snapshot|snapshot/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { type: 'module' }), [`${g.noun()}.test.js`]: `import { test, expect } from 'vitest';\n\ntest('${g.camel()}', () => {\n  expect(['${g.noun()}', ${g.int(1, 9)}]).toMatchInlineSnapshot(\`\n    [\n      "${g.noun()}",\n      ${g.int(10, 99)},\n    ]\n  \`);\n});\n` }, cmd: LINK + 'npx vitest run', env: { CI: 'true' } }),
  }),
  js({
    id: 'jest-no-tests', tool: 'jest', stage: 'test', category: 'test-infrastructure-error', n: 6, expect: /No tests found/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { scripts: { test: 'jest' } }), [`src/${g.noun()}.js`]: jsFiller(g) }, cmd: LINK + g.pick(['npx jest', `npx jest ${g.noun()}`, 'npm test']) }),
  }),
  js({
    id: 'jest-empty-suite', tool: 'jest', stage: 'test', category: 'test-infrastructure-error', n: 6, expect: /must contain at least one test/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { scripts: { test: 'jest' } }), [`src/${g.noun()}.test.js`]: `describe('${g.noun()}', () => {\n  // TODO: ${g.noun()} tests\n});\n` }, cmd: LINK + jestCmd(g) }),
  }),
  js({
    id: 'vitest-no-files', tool: 'vitest', stage: 'test', category: 'test-infrastructure-error', n: 6, expect: /No test files found/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { type: 'module', scripts: { test: 'vitest run' } }), [`src/${g.noun()}.js`]: 'export const x = 1;\n' }, cmd: LINK + vitestCmd(g) }),
  }),
  js({
    id: 'mocha-hook-failure', tool: 'mocha', stage: 'test', category: 'test-infrastructure-error', n: 10, expect: /hook/,
    make: (g) => {
      const hook = g.pick(['before', 'beforeEach', 'after', 'afterEach']);
      const err = g.pick([`throw new Error('${g.noun()} setup failed')`, `throw new Error('could not seed ${g.noun()} data')`, `assert.fail('${g.noun()} not initialised')`, `null.${g.noun()}()`]);
      return { files: { 'package.json': pkgJson(g), [`test/${g.noun()}.spec.js`]: `const assert = require('node:assert');\n\ndescribe('${g.noun()}', function () {\n  ${hook}(function () {\n    ${err};\n  });\n\n  it('${g.camel()}', function () {\n    assert.ok(true);\n  });\n});\n` }, cmd: LINK + 'npx mocha' };
    },
  }),
  js({
    id: 'vitest-unhandled-error', tool: 'vitest', stage: 'test', category: 'test-infrastructure-error', n: 6, expect: /Unhandled/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { type: 'module' }), [`${g.noun()}.test.js`]: `import { test, expect } from 'vitest';\n\ntest('${g.camel()}', () => {\n  setTimeout(() => { throw new Error('${g.noun()} listener crashed'); }, 0);\n  expect(1).toBe(1);\n});\n\ntest('${g.camel()}', async () => {\n  await new Promise((r) => setTimeout(r, 50));\n});\n` }, cmd: LINK + 'npx vitest run' }),
  }),
  js({
    id: 'jest-coverage-threshold-global', tool: 'jest', stage: 'coverage', category: 'policy-violation', n: 8, expect: /threshold/,
    make: (g) => {
      const fns = g.distinct(g.int(3, 6), () => g.camel());
      const metric = g.pick(['lines', 'statements', 'branches', 'functions']);
      const perFile = false;
      const threshold = perFile ? { './src/': { [metric]: g.int(85, 99) } } : { global: { [metric]: g.int(80, 99) } };
      return {
        files: {
          'package.json': pkgJson(g, { scripts: { test: 'jest --coverage' }, jest: { coverageThreshold: threshold, collectCoverageFrom: ['src/**/*.js'] } }),
          'src/lib.js': fns.map((f, i) => `function ${f}(x) {\n  if (x > ${i}) {\n    return x * ${i + 2};\n  }\n  return ${i};\n}\n`).join('\n') + `\nmodule.exports = { ${fns.join(', ')} };\n`,
          'src/lib.test.js': `const { ${fns[0]} } = require('./lib');\n\ntest('${fns[0]}', () => {\n  expect(${fns[0]}(10)).toBe(20);\n});\n`,
        },
        cmd: LINK + g.pick(['npm test', 'npx jest --coverage --ci', 'npx jest --coverage --coverageReporters=text-summary']),
      };
    },
  }),
  js({
    id: 'jest-coverage-threshold-path', tool: 'jest', stage: 'coverage', category: 'policy-violation', n: 8, expect: /threshold/,
    make: (g) => {
      const fns = g.distinct(g.int(3, 6), () => g.camel());
      const metric = g.pick(['lines', 'statements', 'branches', 'functions']);
      const perFile = true;
      const threshold = perFile ? { './src/': { [metric]: g.int(85, 99) } } : { global: { [metric]: g.int(80, 99) } };
      return {
        files: {
          'package.json': pkgJson(g, { scripts: { test: 'jest --coverage' }, jest: { coverageThreshold: threshold, collectCoverageFrom: ['src/**/*.js'] } }),
          'src/lib.js': fns.map((f, i) => `function ${f}(x) {\n  if (x > ${i}) {\n    return x * ${i + 2};\n  }\n  return ${i};\n}\n`).join('\n') + `\nmodule.exports = { ${fns.join(', ')} };\n`,
          'src/lib.test.js': `const { ${fns[0]} } = require('./lib');\n\ntest('${fns[0]}', () => {\n  expect(${fns[0]}(10)).toBe(20);\n});\n`,
        },
        cmd: LINK + g.pick(['npm test', 'npx jest --coverage --ci', 'npx jest --coverage --coverageReporters=text-summary']),
      };
    },
  }),
];
