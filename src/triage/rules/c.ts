import { decided, pattern } from './define.js';
import type { Rule } from './types.js';

/** gcc/clang/ld diagnostics. */
export const cRules: Rule[] = [
  pattern('c:undeclared', 'undefined-name', ['undeclared', 'implicit declaration', 'was not declared', 'use of undeclared identifier', 'undefined reference to'], /undeclared \(first use in this function\)|implicit declaration of function|was not declared in this scope|use of undeclared identifier|undefined reference to [`'‘]/),
  pattern('c:arity', 'api-contract-mismatch', ['arguments to function', 'no matching function', 'has no member named', 'no member named'], /too (?:many|few) arguments to function|no matching function for call|has no member named|no member named/),
  pattern('c:types', 'type', ['incompatible', 'makes pointer from integer', 'makes integer from pointer', 'invalid conversion', 'cannot convert'], /incompatible (?:pointer )?types?|makes (?:pointer|integer) from (?:integer|pointer)|invalid conversion from|cannot convert .* to/),
  decided('c:missing-header', ['no such file or directory'], /fatal error: ([\w./+-]+\.h(?:pp)?): No such file or directory/, (s, m) => {
    if (!m) return undefined;
    // <lib/x.h> is a library's header: a dev package is missing; "x.h" is the project's own.
    return { category: new RegExp(`#include\\s*<${m[1]!.replace(/[.+]/g, '\\$&')}>`).test(s.text) || (!/#include\s*"/.test(s.text) && m[1]!.includes('/')) ? 'dependency-missing' : 'file-not-found' };
  }),
  pattern('c:syntax', 'syntax', ['expected', 'stray'], /error: expected ['‘"`][^'’"`]+['’"`] (?:before|at end of|after)|error: expected (?:expression|declaration|identifier|statement)|stray ['‘]\\\d+['’] in program/),
];
