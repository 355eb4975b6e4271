import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gen } from '../lib.js';
import { npmPackages } from '../words.js';

export const REPO_NODE_MODULES = fileURLToPath(new URL('../../../../node_modules', import.meta.url));
export const LINK = `ln -s ${REPO_NODE_MODULES} node_modules && `;

export function pkgJson(g: Gen, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name: `${g.noun()}-${g.noun()}`, version: `${g.int(0, 3)}.${g.int(0, 12)}.${g.int(0, 9)}`, private: true, ...extra }, null, 2) + '\n';
}

/** npm packages that are NOT installed in the repository's node_modules (so importing them really fails). */
export function missingPackage(g: Gen): string {
  for (let i = 0; i < 50; i++) {
    const p = g.pick(npmPackages);
    if (!existsSync(path.join(REPO_NODE_MODULES, p))) return p;
  }
  return `${g.noun()}-${g.noun()}`;
}

/** A few ordinary functions to surround the broken line. */
export function jsFiller(g: Gen, k = g.int(1, 3)): string {
  const out: string[] = [];
  for (let i = 0; i < k; i++) {
    const f = g.camel(), a = g.noun();
    out.push(
      g.pick([
        `function ${f}(${a}s) {\n  return ${a}s.filter(Boolean).length;\n}\n`,
        `const ${f} = (${a}) => ({ ...${a}, updatedAt: Date.now() });\n`,
        `function ${f}(${a}) {\n  if (!${a}) return null;\n  return String(${a}).trim();\n}\n`,
      ]),
    );
  }
  return out.join('\n');
}

export function jestCmd(g: Gen): string {
  return g.pick(['npx jest', 'npx jest --ci', 'npm test', 'npx jest --ci --colors', 'npm test -- --ci']);
}

export function vitestCmd(g: Gen): string {
  return g.pick(['npx vitest run', 'npx vitest run --reporter=verbose', 'npm test']);
}
