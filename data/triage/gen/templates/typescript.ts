import type { Gen, Template } from '../lib.js';
import { LINK, missingPackage, pkgJson } from './js-common.js';

const ts = (t: Omit<Template, 'lang' | 'tool' | 'stage'> & { stage?: string }): Template => ({ lang: 'typescript', tool: 'tsc', stage: 'compile', ...t });

function tsconfig(g: Gen, extra: Record<string, unknown> = {}): string {
  const [module, moduleResolution] = g.pick([['NodeNext', 'NodeNext'], ['ESNext', 'bundler'], ['Preserve', 'bundler'], ['Node16', 'Node16']]);
  return JSON.stringify({ compilerOptions: { target: g.pick(['ES2020', 'ES2022', 'ESNext']), module, moduleResolution, strict: true, noEmit: true, skipLibCheck: true, types: [], ...extra }, include: ['src'] }, null, 2) + '\n';
}

/** tsc as CI runs it: TypeScript 5 (tsc.js) or the native TypeScript 7 binary, via npx, npm run or node. */
function tscCmd(g: Gen): string {
  return LINK + g.pick(['npx tsc --noEmit', 'npx tsc -p tsconfig.json', 'npm run typecheck', 'node node_modules/typescript/bin/tsc --noEmit', 'node node_modules/typescript/bin/tsc -p . --pretty false', 'npx tsc --noEmit --pretty']);
}

function project(g: Gen, code: string, extraFiles: Record<string, string> = {}, cfg: Record<string, unknown> = {}): { files: Record<string, string>; cmd: string } {
  const file = `src/${g.pick(['', g.dir() + '/'])}${g.noun()}${g.pick(['', 'Service', 'Store', 'Utils', '.handler'])}.ts`;
  return { files: { 'package.json': pkgJson(g, { scripts: { typecheck: 'tsc --noEmit' } }), 'tsconfig.json': tsconfig(g, cfg), [file]: code, ...extraFiles }, cmd: tscCmd(g) };
}

function iface(g: Gen): { name: string; fields: string[]; decl: string } {
  const name = g.pascal();
  const fields = g.distinct(g.int(2, 4), () => g.noun());
  return { name, fields, decl: `interface ${name} {\n${fields.map((f, i) => `  ${f}: ${i % 2 ? 'number' : 'string'};`).join('\n')}\n}\n` };
}

export const typescriptTemplates: Template[] = [
  ts({
    id: 'ts-undefined-name', category: 'undefined-name', n: 20, expect: /TS2304|TS2552/,
    make: (g) => {
      const fn = g.camel(), missing = g.pick([g.camel(), g.pascal(), g.camel() + 'Config']);
      return project(g, `export function ${fn}(input: string): string {\n  const ${g.noun()} = input.trim();\n  return ${missing}(input);\n}\n`);
    },
  }),
  ts({
    id: 'ts-property-missing', category: 'api-contract-mismatch', n: 20, expect: /TS2339|TS2551/,
    make: (g) => {
      const i = iface(g), prop = g.noun() + g.pick(['Id', 'Count', 'At', 'Name', '']);
      return project(g, `${i.decl}\nexport function show(x: ${i.name}): string {\n  return String(x.${i.fields.includes(prop) ? prop + 'Total' : prop});\n}\n`);
    },
  }),
  ts({
    id: 'ts-arity', category: 'api-contract-mismatch', n: 16, expect: /TS2554|TS2555/,
    make: (g) => {
      const fn = g.camel(), a = g.noun(), b = g.noun();
      const call = g.pick([`${fn}('${g.noun()}')`, `${fn}('x', ${g.int(1, 9)}, true)`, `${fn}()`, `${fn}('a', 1, { retries: 3 })`]);
      return project(g, `export function ${fn}(${a}: string, ${b}: number): string {\n  return ${a}.repeat(${b});\n}\n\nexport const result = ${call};\n`);
    },
  }),
  ts({
    id: 'ts-object-literal-excess', category: 'api-contract-mismatch', n: 10, expect: /TS2353|TS2561|TS2741|TS2739/,
    make: (g) => {
      const i = iface(g);
      const lit = g.chance(0.5) ? `{ ${i.fields.map((f, k) => `${f}: ${k % 2 ? 1 : "'x'"}`).join(', ')}, ${g.noun()}Flag: true }` : `{ ${i.fields[0]}: 'x' }`;
      return project(g, `${i.decl}\nexport const value: ${i.name} = ${lit};\n`);
    },
  }),
  ts({
    id: 'ts-type-mismatch', category: 'type', n: 22, expect: /TS2322|TS2345|TS2769|TS2362|TS2365|TS2367/,
    make: (g) => {
      const fn = g.camel(), v = g.noun();
      return project(g, g.pick([
        `export const ${v}: number = '${g.noun()}';\n`,
        `function ${fn}(n: number): string {\n  return n;\n}\nexport { ${fn} };\n`,
        `function ${fn}(n: number) { return n * 2; }\nexport const x = ${fn}('${g.int(1, 9)}');\n`,
        `export const ${v}: string[] = [1, 2, ${g.int(3, 9)}];\n`,
        `export const ${v} = { a: 1 } as { a: string };\n`,
        `export const ${v} = Math.max('${g.int(1, 9)}', 2);\n`,
        `export function ${fn}(a: string, b: number) { return a === b; }\n`,
        `export const ${v}: Promise<number> = Promise.resolve('${g.noun()}');\n`,
        `type Mode = 'read' | 'write';\nexport const ${v}: Mode = '${g.noun()}';\n`,
      ]));
    },
  }),
  ts({
    id: 'ts-nullability', category: 'type', n: 14, expect: /TS2531|TS2532|TS18047|TS18048|TS2322|TS2345|TS18046/,
    make: (g) => {
      const fn = g.camel(), i = iface(g);
      return project(g, `${i.decl}\n` + g.pick([
        `export function ${fn}(items: ${i.name}[]) {\n  const found = items.find((x) => x.${i.fields[0]} === 'a');\n  return found.${i.fields[0]};\n}\n`,
        `export function ${fn}(m: Map<string, ${i.name}>) {\n  return m.get('${g.noun()}').${i.fields[0]};\n}\n`,
        `export function ${fn}(x?: ${i.name}): string {\n  return x.${i.fields[0]};\n}\n`,
        `export function ${fn}(s: string | null): number {\n  return s.length;\n}\n`,
        `export function ${fn}(e: unknown) {\n  return e.message;\n}\n`,
      ]));
    },
  }),
  ts({
    id: 'ts-implicit-any', category: 'type', n: 10, expect: /TS7006|TS7031|TS7053|TS7005|TS7034/,
    make: (g) => project(g, g.pick([`export function ${g.camel()}(${g.noun()}, ${g.noun()}) {\n  return 1;\n}\n`, `export const ${g.camel()} = ({ ${g.noun()} }) => ${g.int(1, 9)};\n`, `const table = { a: 1 };\nexport function get(k: string) {\n  return table[k];\n}\n`])),
  }),
  ts({
    id: 'ts-module-relative', category: 'import', n: 16, expect: /TS2307/,
    make: (g) => project(g, `import { ${g.camel()} } from './${g.pick(['', 'lib/', '../', 'utils/'])}${g.noun()}${g.pick(['', 's', 'Helper'])}';\n\nexport const x = 1;\n`),
  }),
  ts({
    id: 'ts-no-exported-member', category: 'import', n: 16, expect: /TS2305|TS2724|TS2614|TS1192|TS2459|TS2613/,
    make: (g) => {
      const mod = g.noun(), real = g.camel(), wanted = g.camel();
      const imp = g.chance(0.7) ? `import { ${wanted === real ? wanted + 'V2' : wanted} } from './${mod}';` : `import ${g.camel()} from './${mod}';`;
      return project(g, `${imp}\n\nexport const x = 1;\n`, { [`src/${mod}.ts`]: `export function ${real}(): number {\n  return 1;\n}\n` });
    },
  }),
  ts({
    id: 'ts-module-package', category: 'dependency-missing', n: 16, expect: /TS2307/,
    make: (g) => project(g, `import ${g.pick([`{ ${g.camel()} }`, `* as ${g.noun()}`, g.camel()])} from '${missingPackage(g)}';\n\nexport const x = 1;\n`, ),
  }),
  ts({
    id: 'ts-types-missing', category: 'dependency-missing', n: 10, expect: /TS2580|TS2582|TS2591|TS2593|TS2688/,
    make: (g) => project(g, g.pick([`export const port = process.env.PORT;\n`, `describe('${g.noun()}', () => {\n  it('works', () => {});\n});\n`, `const fs = require('fs');\nexport { fs };\n`, `export const dir = __dirname;\n`, `test('${g.noun()}', () => {});\n`]), {}, g.chance(0.3) ? { types: ['jest-' + g.noun()] } : {}),
  }),
  ts({
    id: 'ts-syntax', category: 'syntax', n: 18, expect: /TS1\d{3}|TS17\d{3}/,
    make: (g) => {
      const fn = g.camel(), a = g.noun();
      return project(g, g.pick([
        `export function ${fn}(${a}: string {\n  return ${a};\n}\n`,
        `export const ${a} = { x: 1, y: 2;\n`,
        `export function ${fn}() {\n  if (true {\n    return 1;\n  }\n}\n`,
        `export const ${a}: string = 'unterminated;\n`,
        `export class ${g.pascal()} {\n  ${fn}(): void {\n    return\n  }\n  ,\n}\n`,
        `export const ${a} = [1, 2, 3;\n`,
        `export interface ${g.pascal()} {\n  ${a}: string\n  ${g.noun()}: number,,\n}\n`,
        `export function ${fn}() {\n  return 1;\n\n`,
        `export const ${fn} = (${a}: number) => {\n  return ${a} +;\n};\n`,
      ]));
    },
  }),
  ts({
    id: 'ts-config-unknown-option', category: 'configuration-error', n: 10, expect: /TS5023|TS5024|TS6046|TS5025|TS5069|TS5053|TS5101|TS5102|TS5107|TS5095|TS5110|TS5070/,
    make: (g) => project(g, `export const x = 1;\n`, {}, g.pick([{ [g.camel()]: true }, { target: 'ES2099' }, { strictNullCheck: true }, { module: 'amd', moduleResolution: 'NodeNext' }, { jsx: 'reactive' }, { lib: ['es2020', `${g.noun()}`] }, { declarationDir: 'types' }])),
  }),
  ts({
    id: 'ts-no-inputs', category: 'configuration-error', n: 6, expect: /TS18003/,
    make: (g) => ({ files: { 'package.json': pkgJson(g), 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: [`${g.dir()}/**/*.ts`] }, null, 2), [`src/${g.noun()}.js`]: 'module.exports = {};\n' }, cmd: tscCmd(g) }),
  }),
  ts({
    id: 'ts-unused', category: 'style', n: 12, expect: /TS6133|TS6196|TS6192|TS7027|TS6198/,
    make: (g) => project(g, g.pick([`import { readFileSync } from 'node:fs';\nexport const ${g.noun()} = 1;\n`, `export function ${g.camel()}(${g.noun()}: string) {\n  const ${g.noun()} = 1;\n  return 2;\n}\n`, `export function ${g.camel()}() {\n  return 1;\n  console.log('${g.noun()}');\n}\n`, `interface ${g.pascal()} { a: string }\nexport const x = 1;\n`]), {}, { noUnusedLocals: true, noUnusedParameters: true, allowUnreachableCode: false, types: ['node'] }),
  }),
];
