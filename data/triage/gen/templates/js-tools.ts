import type { Gen, Template } from '../lib.js';
import { servers } from '../servers.js';
import { LINK, pkgJson } from './js-common.js';

const t = (x: Omit<Template, 'lang'> & { lang?: string }): Template => ({ lang: 'javascript', ...x });

function eslintConfig(g: Gen, rules: Record<string, unknown>): string {
  return `import js from '@eslint/js';\n\nexport default [\n  js.configs.recommended,\n  {\n    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { console: 'readonly', process: 'readonly' } },\n    rules: ${JSON.stringify(rules)},\n  },\n];\n`;
}

function eslintCmd(g: Gen): string {
  return LINK + g.pick(['npx eslint .', 'npx eslint src', 'npm run lint', 'npx eslint --max-warnings=0 .', 'npx eslint -f stylish src']);
}

function eslintProject(g: Gen, code: string, rules: Record<string, unknown> = {}): { files: Record<string, string>; cmd: string } {
  return { files: { 'package.json': pkgJson(g, { type: 'module', scripts: { lint: 'eslint src' } }), 'eslint.config.js': eslintConfig(g, rules), [`src/${g.noun()}.js`]: code }, cmd: eslintCmd(g) };
}

/** Registry packuments in the npm wire format (abbreviated metadata is enough for resolution errors). */
function packument(name: string, versions: string[], peer?: Record<string, string>): unknown {
  const v: Record<string, unknown> = {};
  for (const ver of versions) v[ver] = { name, version: ver, ...(peer ? { peerDependencies: peer } : {}), dist: { tarball: `${servers.npm}/${name}/-/${name}-${ver}.tgz`, shasum: '0'.repeat(40), integrity: 'sha512-' + 'A'.repeat(86) + '==' } };
  return { name, 'dist-tags': { latest: versions[versions.length - 1] }, versions: v, time: {} };
}

const npmFlags = '--no-audit --no-fund --fetch-retries=0 --fetch-timeout=2000';

export const jsToolTemplates: Template[] = [
  t({ id: 'eslint-no-undef', tool: 'eslint', stage: 'lint', category: 'undefined-name', n: 14, expect: /no-undef/, make: (g) => eslintProject(g, `export function ${g.camel()}(x) {\n  return ${g.camel()}(x) + ${g.noun()};\n}\n`) }),
  t({
    id: 'eslint-style-rules', tool: 'eslint', stage: 'lint', category: 'style', n: 20, expect: /error|warning/, cause: /^\d+:\d+\s+(?:error|warning)\s/,
    make: (g) => {
      const v = g.noun();
      const [code, rules] = g.pick<[string, Record<string, unknown>]>([
        [`export function f(${v}) {\n  const unused${g.pascal()} = 1;\n  return ${v};\n}\n`, { 'no-unused-vars': 'error' }],
        [`export function f(${v}) {\n  if (${v} == null) return 0;\n  return 1;\n}\n`, { eqeqeq: 'error' }],
        [`export function f() {\n  let ${v} = ${g.int(1, 9)};\n  return ${v};\n}\n`, { 'prefer-const': 'error' }],
        [`export const ${v} = "${g.noun()}";\n`, { quotes: ['error', 'single'] }],
        [`export function f() {\n  console.log('${g.noun()}');\n}\n`, { 'no-console': 'error' }],
        [`export function f(${v}) {\n  var y = ${v};\n  return y;\n}\n`, { 'no-var': 'error' }],
        [`export const o = { ${v}: 1, ${v}: 2 };\n`, {}],
        [`export function f(${v}) {\n  return ${v};\n  ${v}++;\n}\n`, {}],
        [`export const ${v} = 1\n`, { semi: ['error', 'always'] }],
        [`export function f(a, b) {\n  return a + b;\n}\nexport function g() { return f(1,2) }\n`, { curly: 'error', 'space-before-function-paren': 'error' }],
      ]);
      return eslintProject(g, code, rules);
    },
  }),
  t({ id: 'eslint-indent', tool: 'eslint', stage: 'lint', category: 'indentation', n: 10, expect: /indent|Expected indentation/, make: (g) => eslintProject(g, `export function ${g.camel()}(${g.noun()}) {\n${' '.repeat(g.pick([1, 3, 4, 6]))}return ${g.int(1, 9)};\n}\n`, { indent: ['error', 2] }) }),
  t({ id: 'eslint-parse', tool: 'eslint', stage: 'lint', category: 'syntax', n: 12, expect: /Parsing error/, make: (g) => eslintProject(g, g.pick([`export function ${g.camel()}( {\n  return 1;\n}\n`, `export const ${g.noun()} = { a: 1,, };\n`, `export const s = '${g.noun()};\n`, `export default class {\n  ${g.camel()}() {\n}\n`, `if (x {\n}\n`])) }),
  t({
    id: 'eslint-bad-config', tool: 'eslint', stage: 'lint', category: 'configuration-error', n: 8, expect: /Configuration|config|rule|Key/i,
    make: (g) => {
      const bad = g.pick([`{ rules: { '${g.noun()}-${g.noun()}': 'error' } }`, `{ rules: { 'no-console': '${g.pick(['err', 'on', 'yes'])}' } }`, `{ ${g.noun()}Options: { x: 1 } }`, `{ rules: { quotes: ['error', '${g.noun()}'] } }`]);
      return { files: { 'package.json': pkgJson(g, { type: 'module' }), 'eslint.config.js': `export default [\n  ${bad},\n];\n`, 'src/a.js': 'export const a = 1;\n' }, cmd: LINK + 'npx eslint src' };
    },
  }),
  t({
    id: 'prettier-check', tool: 'prettier', stage: 'lint', category: 'style', n: 12, expect: /Code style issues|\[warn\]/,
    make: (g) => {
      const f = `src/${g.noun()}.${g.pick(['js', 'ts', 'json', 'css', 'md'])}`;
      const body = f.endsWith('.json') ? `{"${g.noun()}":1,   "b":[1,2 ,3]}` : f.endsWith('.css') ? `.${g.noun()}{color:red;margin:0 0 0 0}` : f.endsWith('.md') ? `# ${g.pascal()}\n* a\n+ b\n` : `const ${g.noun()}={a:1,b:2}\nfunction ${g.camel()}( x ){return x}\n`;
      return { files: { 'package.json': pkgJson(g), [f]: body }, cmd: LINK + g.pick(['npx prettier --check .', 'npx prettier --check src', 'npx prettier -c "src/**/*"']) };
    },
  }),
  t({ id: 'prettier-parse', tool: 'prettier', stage: 'lint', category: 'syntax', n: 6, expect: /SyntaxError|error/, make: (g) => ({ files: { 'package.json': pkgJson(g), [`src/${g.noun()}.js`]: `const ${g.noun()} = {\n  a: 1,\n` }, cmd: LINK + 'npx prettier --check src' }) }),

  // npm against a local registry that answers like registry.npmjs.org.
  t({
    id: 'npm-e404', tool: 'npm', stage: 'dependency-install', category: 'dependency-missing', n: 12, expect: /E404|404 Not Found/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { dependencies: { [`${g.noun()}-${g.noun()}`]: `^${g.int(1, 5)}.0.0` } }) }, cmd: `npm install --registry ${servers.npm} ${npmFlags}` }),
  }),
  t({
    id: 'npm-etarget', tool: 'npm', stage: 'dependency-install', category: 'dependency-missing', n: 10, expect: /ETARGET|No matching version/,
    make: (g) => {
      const name = `${g.noun()}-${g.pick(['utils', 'core', 'client', 'sdk', 'kit'])}`;
      servers.packuments.set(name, packument(name, ['1.0.0', `1.${g.int(1, 5)}.0`, `2.${g.int(0, 3)}.${g.int(0, 9)}`]));
      return { files: { 'package.json': pkgJson(g, { dependencies: { [name]: `^${g.int(4, 9)}.0.0` } }) }, cmd: `npm install --registry ${servers.npm} ${npmFlags}` };
    },
  }),
  t({
    id: 'npm-eresolve', tool: 'npm', stage: 'dependency-install', category: 'dependency-missing', n: 10, expect: /ERESOLVE/,
    make: (g) => {
      const host = `${g.noun()}-framework`, plugin = `${g.noun()}-plugin`;
      servers.packuments.set(host, packument(host, ['1.0.0', '2.0.0', '3.1.0']));
      servers.packuments.set(plugin, packument(plugin, ['1.0.0'], { [host]: '^1.0.0' }));
      return { files: { 'package.json': pkgJson(g, { dependencies: { [host]: '^3.0.0', [plugin]: '^1.0.0' } }) }, cmd: `npm install --registry ${servers.npm} ${npmFlags}` };
    },
  }),
  t({
    id: 'npm-ejsonparse', tool: 'npm', stage: 'dependency-install', category: 'configuration-error', n: 8, expect: /EJSONPARSE|JSON/,
    make: (g) => ({ files: { 'package.json': g.pick([`{\n  "name": "${g.noun()}",\n  "version": "1.0.0",\n}\n`, `{\n  "name": "${g.noun()}"\n  "version": "1.0.0"\n}\n`, `{\n  name: "${g.noun()}"\n}\n`]) }, cmd: g.pick([`npm install --registry ${servers.npm}`, 'npm ci', 'npm test']) }),
  }),
  t({
    id: 'npm-network', tool: 'npm', stage: 'dependency-install', category: 'network-timeout', n: 12, expect: /ECONNREFUSED|ETIMEDOUT|network|ENOTFOUND|EAI_AGAIN|E500|500 Internal/,
    make: (g) => {
      const name = `${g.noun()}-${g.noun()}`;
      const k = g.int(0, 2);
      if (k === 2) servers.npmBroken.add(name);
      const reg = k === 0 ? `http://127.0.0.1:${g.pick([1, 9, 4873])}` : k === 1 ? servers.hang : servers.npm;
      return { files: { 'package.json': pkgJson(g, { dependencies: { [name]: '^1.0.0' } }) }, cmd: `npm install --registry ${reg} ${npmFlags}`, timeoutMs: 60_000 };
    },
  }),
  t({
    id: 'npm-ci-no-lockfile', tool: 'npm', stage: 'dependency-install', category: 'configuration-error', n: 6, expect: /EUSAGE|can only install|package-lock/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { dependencies: { [`${g.noun()}`]: '^1.0.0' } }) }, cmd: `npm ci --registry ${servers.npm}` }),
  }),
  t({
    id: 'npm-missing-script', tool: 'npm', stage: 'test', category: 'configuration-error', n: 8, expect: /Missing script/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { scripts: { [g.pick(['start', 'build', 'dev'])]: 'node index.js' } }) }, cmd: `npm run ${g.pick(['test:ci', 'test:unit', 'test:e2e', 'coverage', 'test:integration'])}` }),
  }),
  t({
    id: 'npm-ebadengine', tool: 'npm', stage: 'dependency-install', category: 'configuration-error', n: 6, expect: /EBADENGINE|Unsupported engine/,
    make: (g) => ({ files: { 'package.json': pkgJson(g, { engines: { node: `>=${g.pick([22, 23, 24])}` } }) }, cmd: `npm install --engine-strict --registry ${servers.npm}` }),
  }),
  t({
    id: 'npm-publish-denied', tool: 'npm', stage: 'deploy', category: 'permission-denied', n: 10, expect: /E401|E403|ENEEDAUTH|403|401/,
    make: (g) => {
      const name = `@${g.noun()}/${g.noun()}`;
      const k = g.int(0, 2);
      if (k === 0) servers.publish.set(encodeURIComponent(name).replace(/%40/, '@'), { status: 401, body: { error: 'You must be logged in to publish packages.' }, headers: { 'www-authenticate': 'Basic realm="npm"' } });
      else servers.publish.set(encodeURIComponent(name).replace(/%40/, '@'), { status: 403, body: { error: `You do not have permission to publish "${name}". Are you logged in as the correct user?` } });
      return { files: { 'package.json': pkgJson(g, { name, private: false }), 'index.js': 'module.exports = 1;\n', '.npmrc': k === 2 ? '' : `//127.0.0.1:${servers.npm.split(':').pop()}/:_authToken=npm_${g.int(1e6, 9e6)}abc\n` }, cmd: `npm publish --registry ${servers.npm} --access public` };
    },
  }),
  t({
    id: 'npm-publish-conflict', tool: 'npm', stage: 'deploy', category: 'configuration-error', n: 6, expect: /E403|cannot publish over|EPUBLISHCONFLICT|previously published/,
    make: (g) => {
      const name = `${g.noun()}-${g.noun()}`;
      servers.publish.set(name, { status: 403, body: { error: `You cannot publish over the previously published versions: ${'1.0.' + g.int(0, 9)}.` } });
      return { files: { 'package.json': pkgJson(g, { name, private: false }), 'index.js': 'module.exports = 1;\n', '.npmrc': `//127.0.0.1:${servers.npm.split(':').pop()}/:_authToken=npm_x\n` }, cmd: `npm publish --registry ${servers.npm}` };
    },
  }),
];
