import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FailureEvent } from '../../events/index.js';
import { execTool } from '../shared/exec.js';
import type { SourceLocation } from '../shared/locations.js';
import { goDiagnosticLocation } from '../shared/go-location.js';
import { uniqueNearMiss } from '../shared/near-miss.js';
import { GO_UNIVERSE, importNames, isQualifier, localNamesAt, membersOf, packageClause, packageNames } from '../shared/go-scope.js';
import { withGoTree, withGoTrees } from '../shared/syntax.js';
import type { Suggestion, SuggestionSource, SuggestOutcome, SuggestEnv } from './types.js';

const MEMBER = /(\w+)\.(\w+) undefined \(type (\S+) has no field or method (\w+)(?:, but does have (?:field |method )?(\w+))?\)/;
const QUALIFIED = /undefined: (\w+)\.(\w+)/;
const NAME = /(?:undefined|undeclared name): (\w+)\b/;

function isGo(event: FailureEvent): boolean {
  const goFile = (event.file?.endsWith('.go') ?? false) || (event.framework === 'go' && /\.go:\d+:\d+: /.test(event.stack ?? ''));
  return goFile && (MEMBER.test(event.message) || QUALIFIED.test(event.message) || NAME.test(event.message));
}

/**
 * Go 1.19 prints no suggestion for `undefined: x`, so the near miss is computed here, and only from
 * names really in scope at the position (tree-sitter scopes: locals declared before the use, enclosing
 * parameters, package-level declarations of the same package, imports, predeclared names), or from the
 * members of a local type, or from an imported package's exported names (`go doc`). Unique and close,
 * or nothing.
 */
export const goSource: SuggestionSource = {
  id: 'go',
  recognizes: isGo,
  async suggest(event: FailureEvent, env: SuggestEnv): Promise<SuggestOutcome> {
    const loc = await goDiagnosticLocation(event, env.worktree);
    if (!loc) return { refused: `Go diagnostic '${event.message.split('\n')[0]}' has no exact position in the worktree` };
    const text = await readFile(loc.abs, 'utf8');
    // Everything needed from this file's tree is read before any other tree is parsed: nodes of an
    // earlier tree must not be used once the shared parser has moved on.
    const here = await withGoTree(text, (root) => {
      const node = root.descendantForPosition({ row: loc.line - 1, column: loc.column! - 1 });
      // `x.Sel`: x must be something with members (a package, a variable, a type with methods).
      const qualifier = !!node && isQualifier(node);
      return { token: node?.text, qualifier, locals: node ? localNamesAt(node) : new Set<string>(), imports: importNames(root) };
    });
    const pkgSources = await packageSources(loc.abs, text);
    const at: SourceLocation = { ...loc, column: utf16Column(text, loc.line, loc.column!) };
    const suggest = (from: string, pick: { ok: true; name: string } | { ok: false; reason: string }, role: Suggestion['role'], why: string): SuggestOutcome => {
      if (here.token !== from) return { refused: `'${from}' is not at ${loc.file}:${loc.line}:${loc.column}: stale position` };
      if (!pick.ok) return { refused: `go ${loc.file}:${loc.line}: ${pick.reason}` };
      return { suggestion: { from, to: pick.name, role, lang: 'go', locations: [at], exact: true, source: `go: ${why}` } };
    };
    let m = MEMBER.exec(event.message);
    if (m) {
      const [, , , typeText, wrong, hint] = m;
      if (hint) return suggest(wrong!, { ok: true, name: hint }, 'member', 'the compiler says "but does have"');
      const typeName = typeText!.replace(/^\*/, '').replace(/\[.*$/, '');
      if (typeName.includes('.')) return { refused: `members of ${typeName} (another package) are not looked up` };
      const members = await withGoTrees(pkgSources, (roots) => membersOf(roots, typeName));
      if (!members) return { refused: `type ${typeName} embeds other types or is not a local struct/interface: its member set is not known for sure` };
      return suggest(wrong!, uniqueNearMiss(wrong!, members), 'member', `unique near miss among ${typeName}'s members`);
    }
    m = QUALIFIED.exec(event.message);
    if (m) {
      const [, pkg, wrong] = m;
      const importPath = here.imports.get(pkg!);
      if (!importPath) return { refused: `'${pkg}' is not an imported package in ${loc.file}` };
      const exported = await packageExports(importPath, path.dirname(loc.abs), env);
      if (!exported) return { refused: `go doc could not list the exports of ${importPath}` };
      return suggest(wrong!, uniqueNearMiss(wrong!, exported), 'member', `unique near miss among ${importPath}'s exports`);
    }
    m = NAME.exec(event.message);
    if (!m) return undefined;
    const wrong = m[1]!;
    // As a qualifier, no predeclared name fits (`string.ToUpper` is never valid Go): an unimported
    // `strings` is a missing import (go-imports), never a typo of `string`.
    const inScope = new Set<string>([...(here.qualifier ? [] : GO_UNIVERSE), ...here.imports.keys(), ...here.locals]);
    (await withGoTrees(pkgSources, (roots) => roots.flatMap(packageNames))).forEach((n) => inScope.add(n));
    return suggest(wrong, uniqueNearMiss(wrong, inScope), 'name', here.qualifier ? 'unique near miss among the names a qualifier can be' : 'unique near miss in scope');
  },
};

/** Sources of every file of the same package in the file's directory (the file itself included). */
async function packageSources(abs: string, text: string): Promise<string[]> {
  const dir = path.dirname(abs);
  const own = await withGoTree(text, packageClause);
  const out: string[] = [];
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.go')).sort()) {
    const src = path.join(dir, f) === abs ? text : await readFile(path.join(dir, f), 'utf8');
    if ((await withGoTree(src, packageClause)) === own) out.push(src);
  }
  return out;
}

/** Exported top-level names of a package, from `go doc -short` (reads source; no build needed). */
async function packageExports(importPath: string, cwd: string, env: SuggestEnv): Promise<string[] | undefined> {
  const key = `go-doc:${importPath}`;
  if (!env.memo.has(key)) {
    env.memo.set(
      key,
      execTool('go', ['doc', '-short', importPath], { cwd, signal: env.signal, timeoutMs: 60_000 }).then((r) =>
        r.code === 0 ? [...r.stdout.matchAll(/^\s*(?:func|type|var|const)\s+(\w+)/gm)].map((x) => x[1]!) : undefined,
      ),
    );
  }
  try {
    return (await env.memo.get(key)) as string[] | undefined;
  } catch {
    return undefined;
  }
}

/** Go reports byte columns; edits work on UTF-16 strings. */
function utf16Column(text: string, line: number, byteColumn: number): number {
  const l = text.split('\n')[line - 1] ?? '';
  return Buffer.from(l, 'utf8').subarray(0, byteColumn - 1).toString('utf8').length + 1;
}
