import { eslintRules, packageManagerCodes, pythonLintCodes, rustCodes, tsCodes } from './codes.js';
import { isLocalSpecifier } from './define.js';
import type { Rule, RuleDecision, Signal } from './types.js';

const TS_CODE = /\bTS(\d{4,5})\b/;
const RUST_CODE = /\berror\[(E\d{4})\]/;
const PM_CODE = /\b(E[A-Z0-9_]{2,}|ERR_PNPM_[A-Z0-9_]+|YN\d{4})\b/g;
const MODULE_SPEC = /module ['"]([^'"]+)['"]/i;

function tsDecision(code: string, s: Signal): RuleDecision | undefined {
  if (code === '2307') {
    // "Cannot find module 'x' or its corresponding type declarations": a repo path is a wrong import,
    // a package name is a dependency that is not installed.
    const spec = MODULE_SPEC.exec(s.message)?.[1];
    if (spec === undefined) return undefined;
    return { category: isLocalSpecifier(spec) ? 'import' : 'dependency-missing' };
  }
  const category = tsCodes.get(code);
  return category ? { category } : undefined;
}

function rustDecision(code: string, s: Signal): RuleDecision | undefined {
  if (code === 'E0432' || code === 'E0433') {
    if (/undeclared crate|unlinked crate|missing crate|missing a crate|extern crate|can't find crate|add `[\w-]+` to your dependencies/i.test(s.text)) return { category: 'dependency-missing' };
    if (/undeclared type|use of undeclared (?:type|struct|enum|trait)/i.test(s.text)) return { category: 'undefined-name' };
    return { category: 'import' };
  }
  const category = rustCodes.get(code);
  return category ? { category } : undefined;
}

/** Codes given in the event's `error_code`, or printed in the text in the tool's own format. */
export const codeRules: Rule[] = [
  // npm answers E403 both for "no permission" and for "this version exists already"; the wording tells them apart.
  { id: 'npm:publish-conflict', needles: ['cannot publish over', 'previously published'], re: /cannot publish over the previously published versions?|You cannot publish over/, category: 'configuration-error', stage: 'deploy' },
  {
    id: 'code:typescript',
    decide: (s) => {
      const code = s.errorCode && /^TS\d+$/.test(s.errorCode) ? s.errorCode.slice(2) : s.framework === 'tsc' || s.text.includes('TS') ? TS_CODE.exec(s.text)?.[1] : undefined;
      return code === undefined ? undefined : tsDecision(code, s);
    },
  },
  {
    id: 'code:rustc',
    decide: (s) => {
      const code = s.errorCode && /^E\d{4}$/.test(s.errorCode) ? s.errorCode : s.text.includes('error[E') ? RUST_CODE.exec(s.text)?.[1] : undefined;
      return code === undefined ? undefined : rustDecision(code, s);
    },
  },
  {
    id: 'code:package-manager',
    decide: (s) => {
      let code = s.errorCode && packageManagerCodes.has(s.errorCode) ? s.errorCode : undefined;
      if (code === undefined && /npm|pnpm|yarn|ERR_PNPM|YN\d/.test(s.text)) {
        for (const m of s.text.matchAll(PM_CODE)) {
          if (packageManagerCodes.has(m[1]!)) {
            code = m[1];
            break;
          }
        }
      }
      if (code === undefined) return undefined;
      // ENOENT from npm is about a missing package.json/script file; ENOSPC/ENOMEM are resources.
      return { category: packageManagerCodes.get(code)! };
    },
  },
  {
    id: 'code:eslint-rule',
    decide: (s) => {
      if (s.errorCode === undefined || s.framework !== 'eslint') return undefined;
      return { category: eslintRules.get(s.errorCode) ?? 'style' };
    },
  },
  {
    id: 'code:python-lint',
    decide: (s) => {
      if (s.errorCode === undefined) return undefined;
      const category = pythonLintCodes.get(s.errorCode);
      if (category) return { category };
      if (/^(flake8|ruff|pycodestyle|pylint|pyflakes|black|isort)$/.test(s.framework)) return { category: 'style' };
      return undefined;
    },
  },
];
