import type { GuardContext } from '../context.js';
import type { ChangedFile } from '../diff/parse.js';
import type { TestCase } from '../testmodel/model.js';
import type { Rule, RuleFinding } from './types.js';

function names(tests: TestCase[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tests) m.set(t.name, (m.get(t.name) ?? 0) + 1);
  return m;
}

function list(xs: string[]): string {
  return xs.length <= 3 ? xs.map((x) => `'${x}'`).join(', ') : `${xs.slice(0, 3).map((x) => `'${x}'`).join(', ')} and ${xs.length - 3} more`;
}

const DEFINITIONS = [
  /\b(?:function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g,
  /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)/gm,
  /^\s*(?:public\s+|private\s+|static\s+|async\s+)*([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*(?::[^{]*)?\{/gm,
  /^\s*(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)/gm,
  /^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)/gm,
  /^type\s+([A-Za-z_]\w*)/gm,
];
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'constructor']);

/** Names defined in the base of non-test files that the head no longer has anywhere in them. */
async function removedDefinitions(ctx: GuardContext): Promise<Set<string>> {
  const gone = new Set<string>();
  for (const f of ctx.files) {
    if (f.status === 'added' || ctx.isTestFile(f.oldPath ?? f.path)) continue;
    const base = await ctx.source('base', f);
    if (!base || base.fragment) continue;
    const head = f.status === 'deleted' ? '' : ((await ctx.source('head', f))?.text ?? '');
    for (const re of DEFINITIONS) {
      for (const m of base.text.matchAll(re)) {
        const name = m[1]!;
        if (name.length > 2 && !KEYWORDS.has(name) && !new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(head)) gone.add(name);
      }
    }
  }
  return gone;
}

/** Missing tests whose body uses something the same patch removed from the code: deleted along with it. */
async function testsOfRemovedCode(ctx: GuardContext, file: ChangedFile, missing: string[], tests: TestCase[], gone: Set<string>): Promise<boolean> {
  if (gone.size === 0 || missing.length === 0) return false;
  const base = await ctx.source('base', file);
  if (!base || base.fragment) return false;
  const lines = base.text.split('\n');
  return missing.every((name) => {
    const t = tests.find((x) => x.name === name);
    if (!t) return false;
    const body = lines.slice(t.line - 1, t.endLine).join('\n');
    return [...gone].some((g) => new RegExp(`\\b${g.replace(/\$/g, '\\$')}\\b`).test(body));
  });
}

/**
 * Tests removed, renamed out of discovery (`def _test_x`, `func testX`), commented out, or table rows
 * dropped: the number of tests per file is counted on both sides from syntax trees.
 */
export const deletedTests: Rule = {
  id: 'deleted-tests',
  description: 'The patch deletes tests or lowers the number of tests (files, functions, or table-driven cases)',
  severity: 'block',
  async run(ctx) {
    const out: RuleFinding[] = [];
    const drops: Array<{ file: ChangedFile; missing: string[]; before: number; after: number; tests: TestCase[] }> = [];
    const headNames = new Set<string>();
    for (const f of ctx.files) {
      if (f.status === 'added' || !ctx.isTestFile(f.oldPath ?? f.path)) {
        if (f.status === 'added') for (const t of (await ctx.tests('head', f))?.tests ?? []) headNames.add(t.name);
        continue;
      }
      const base = await ctx.tests('base', f);
      if (!base || base.tests.length === 0) continue;
      const head = f.status === 'deleted' ? { tests: [] } : await ctx.tests('head', f);
      if (!head) {
        // Renamed to a path that is no longer a test file: its tests stop running.
        out.push({ message: `${f.oldPath ?? f.path} (${base.tests.length} tests) was renamed to ${f.path}, which is not collected as a test file`, file: f.path });
        continue;
      }
      for (const t of head.tests) headNames.add(t.name);
      const headCount = names(head.tests);
      const missing = [...names(base.tests)].filter(([n, c]) => (headCount.get(n) ?? 0) < c).map(([n]) => n);
      if (head.tests.length < base.tests.length) drops.push({ file: f, missing, before: base.tests.length, after: head.tests.length, tests: base.tests });
      // Table-driven tests: rows are test cases too.
      for (const bt of base.tests) {
        const ht = head.tests.find((t) => t.name === bt.name);
        if (ht && bt.cases !== undefined && ht.cases !== undefined && ht.cases < bt.cases) {
          out.push({ message: `'${bt.name}' lost ${bt.cases - ht.cases} of its ${bt.cases} table cases`, file: f.path, line: ht.line });
        }
      }
    }
    const gone = drops.length > 0 ? await removedDefinitions(ctx) : new Set<string>();
    for (const d of drops) {
      const line = d.file.removed[0]?.line;
      if (await testsOfRemovedCode(ctx, d.file, d.missing, d.tests, gone)) {
        out.push({ message: `tests removed together with the code they tested (${d.before} → ${d.after}; ${list(d.missing)})`, file: d.file.path, line, severity: 'approval' });
        continue;
      }
      if (d.file.status === 'deleted') {
        out.push({ message: `test file deleted with ${d.before} tests (${list(d.missing)})`, file: d.file.path, line });
        continue;
      }
      const moved = d.missing.length > 0 && d.missing.every((n) => headNames.has(n) && ctx.files.some((g) => g !== d.file));
      const what = `${d.before} → ${d.after} tests${d.missing.length > 0 ? `; missing ${list(d.missing)}` : ''}`;
      out.push(moved ? { message: `tests moved to another file (${what})`, file: d.file.path, line, severity: 'approval' } : { message: `fewer tests: ${what}`, file: d.file.path, line });
    }
    return out;
  },
};
