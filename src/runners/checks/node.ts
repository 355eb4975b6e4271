import type { CheckKind, PlannedCheck } from '../../events/index.js';
import type { PackageInfo } from '../detect/package-info.js';
import type { CheckDetector } from '../types.js';
import { makeCheck } from './spec.js';

/** Script names that are checks, by kind. Watch-mode scripts are skipped: they never exit. */
const SCRIPT_KINDS: Array<[RegExp, CheckKind]> = [
  [/^build$/, 'build'],
  [/^(typecheck|type-check|check-types|types|tsc)$/, 'typecheck'],
  [/^(lint|eslint)$/, 'lint'],
];
const TSCONFIGS = ['tsconfig.json'];
const ESLINT_CONFIGS = [
  'eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts',
  '.eslintrc', '.eslintrc.js', '.eslintrc.cjs', '.eslintrc.json', '.eslintrc.yml', '.eslintrc.yaml',
];

/** The package manager of a package: its lockfile or packageManager field, walking up to the root. */
export function packageManager(pkg: PackageInfo, rootPkg: PackageInfo): 'npm' | 'pnpm' | 'yarn' | 'bun' {
  for (const p of [pkg, rootPkg]) {
    const declared = p.packageJson?.packageManager?.split('@')[0];
    if (declared === 'pnpm' || declared === 'yarn' || declared === 'npm' || declared === 'bun') return declared;
    if (p.has('pnpm-lock.yaml')) return 'pnpm';
    if (p.has('yarn.lock')) return 'yarn';
    if (p.has('bun.lock') || p.has('bun.lockb')) return 'bun';
    if (p.has('package-lock.json')) return 'npm';
  }
  return 'npm';
}

function extractorFor(script: string): string | undefined {
  if (/\btsc\b/.test(script)) return 'tsc';
  if (/\beslint\b/.test(script)) return 'eslint';
  return undefined;
}

/** package.json scripts build/typecheck/lint, `tsc --noEmit` where a tsconfig exists, eslint where configured. */
export const nodeChecks: CheckDetector = {
  id: 'node',
  detect(pkg) {
    const pj = pkg.packageJson;
    if (!pj) return [];
    const rootPkg = pkg.rootPackage;
    const pm = packageManager(pkg, rootPkg);
    const checks: PlannedCheck[] = [];
    const kinds = new Set<CheckKind>();
    for (const [name, script] of Object.entries(pj.scripts ?? {})) {
      const kind = SCRIPT_KINDS.find(([re]) => re.test(name))?.[1];
      if (!kind || /(--watch|\s-w(\s|$)|\bwatch\b)/.test(script)) continue;
      kinds.add(kind);
      checks.push(
        makeCheck(`script:${name}`, kind, `package.json scripts.${name}: "${script}"`, {
          argv: [pm, 'run', name],
          resolve: 'path',
          tool: pm,
          extract: extractorFor(script),
        }),
      );
    }
    const deps = new Set([...pkg.nodeDependencies, ...rootPkg.nodeDependencies]);
    const tsconfig = pkg.first(TSCONFIGS);
    if (tsconfig && !kinds.has('typecheck') && deps.has('typescript')) {
      checks.push(
        makeCheck('tsc', 'typecheck', `${tsconfig} present, typescript installed`, {
          argv: ['tsc', '--noEmit', '-p', tsconfig],
          resolve: 'node',
          tool: 'tsc',
          installHint: 'npm install --save-dev typescript',
          extract: 'tsc',
        }),
      );
    }
    const eslintConfig = pkg.first(ESLINT_CONFIGS) ?? (pj.eslintConfig !== undefined ? 'package.json eslintConfig' : undefined);
    if (eslintConfig && !kinds.has('lint')) {
      checks.push(
        makeCheck('eslint', 'lint', `${eslintConfig} present`, {
          argv: ['eslint', '.', '--format', 'json'],
          reproArgs: ['.'],
          resolve: 'node',
          tool: 'eslint',
          installHint: 'npm install --save-dev eslint',
          extract: 'eslint',
          output: 'stdout',
        }),
      );
    }
    return checks;
  },
};
