import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FailureEvent } from '../../events/index.js';
import { execTool } from '../shared/exec.js';
import { findOnPath } from '../shared/find-bin.js';
import { goDiagnosticLocation } from '../shared/go-location.js';
import { isQualifier } from '../shared/go-scope.js';
import { descendants, withGoTree } from '../shared/syntax.js';
import { isInside } from '../shared/worktree-path.js';
import type { Fixer, FixContext, FixResult } from '../types.js';
import { addImport } from './edit.js';
import { describePackages, exportedNames, internalAllowed, modulePackages, stdImportPaths, type GoPackage } from './packages.js';

/** `undefined: strings` (go build/test), `undeclared name: strings` (vet, gopls). */
const UNDEFINED = /^(?:undefined|undeclared name): (\w+)$/;

const recognizes = (e: FailureEvent): boolean => UNDEFINED.test(e.message.trim()) && ((e.file?.endsWith('.go') ?? false) || e.framework === 'go');

interface Need {
  abs: string;
  file: string;
  name: string;
}

/**
 * Adds the missing import for a Go name used as a package qualifier (`strings.ToUpper` with no
 * `import "strings"`), like goimports, but only when exactly one package fits: a standard library
 * package (`go list std`) or a package of the file's own module whose name is that identifier and
 * which exports every `name.X` the file uses. Then gofmt formats the file. Nothing is downloaded.
 */
export const goImportsFixer: Fixer = {
  id: 'go-imports',
  cost: 'free',
  appliesTo: (_cluster, events) => events.some(recognizes),
  async propose(ctx: FixContext): Promise<FixResult> {
    const needs = new Map<string, Need>();
    const refused: string[] = [];
    for (const event of ctx.events.filter(recognizes)) {
      const loc = await goDiagnosticLocation(event, ctx.worktree);
      if (!loc) continue;
      const name = UNDEFINED.exec(event.message.trim())![1]!;
      const text = await readFile(loc.abs, 'utf8');
      const use = await withGoTree(text, (root) => {
        const node = root.descendantForPosition({ row: loc.line - 1, column: loc.column! - 1 });
        return { token: node?.text, qualifier: !!node && isQualifier(node) };
      });
      if (use.token !== name) {
        refused.push(`'${name}' is not at ${loc.file}:${loc.line}:${loc.column}: stale position`);
        continue;
      }
      if (!use.qualifier) continue; // a plain undefined name: a typo or a missing declaration, not an import
      needs.set(`${loc.abs}\0${name}`, { abs: loc.abs, file: loc.file, name });
    }
    if (needs.size === 0) return refused.length ? { kind: 'unfixable', reason: refused.join('; ') } : { kind: 'pass', reason: 'no undefined Go name used as a package qualifier' };

    const added: string[] = [];
    const edited = new Set<string>();
    for (const need of needs.values()) {
      const pick = await choosePackage(need, ctx);
      if ('refused' in pick) {
        refused.push(pick.refused);
        continue;
      }
      const text = await readFile(need.abs, 'utf8');
      const next = await addImport(text, pick.pkg.importPath, pick.std);
      if (!next) {
        refused.push(`${need.file}: no package clause to add an import after`);
        continue;
      }
      await writeFile(need.abs, next);
      edited.add(need.abs);
      added.push(`${need.file}: import "${pick.pkg.importPath}" for ${need.name}.${pick.selectors.join(`, ${need.name}.`)}`);
    }
    if (added.length === 0) return refused.length ? { kind: 'unfixable', reason: refused.join('; ') } : { kind: 'pass', reason: 'no package to import' };
    await gofmt([...edited], ctx);
    const note = refused.length ? `; refused: ${refused.join('; ')}` : '';
    return { kind: 'edited', summary: `added the missing import(s): ${added.join(', ')}${note}` };
  },
};

type Pick = { pkg: GoPackage; std: boolean; selectors: string[] } | { refused: string };

/** The one package named `need.name` that exports every selector the file uses on it. */
async function choosePackage(need: Need, ctx: FixContext): Promise<Pick> {
  const text = await readFile(need.abs, 'utf8');
  const selectors = await withGoTree(text, (root) => {
    const out = new Set<string>();
    for (const sel of descendants(root, ['selector_expression', 'qualified_type'])) {
      const [operand, field] = sel.type === 'qualified_type' ? ['package', 'name'] : ['operand', 'field'];
      const q = sel.childForFieldName(operand);
      if (q && /^(package_)?identifier$/.test(q.type) && q.text === need.name) out.add(sel.childForFieldName(field)!.text);
    }
    return [...out].sort();
  });
  const moduleDir = nearestModule(path.dirname(need.abs), ctx.worktree);
  const cwd = moduleDir ?? path.dirname(need.abs);
  const stdPaths = (await stdImportPaths(cwd, ctx.signal)) ?? [];
  const stdCandidates = await describePackages(
    stdPaths.filter((p) => p.split('/').pop() === need.name),
    cwd,
    ctx.signal,
  );
  const own = moduleDir ? await modulePackages(moduleDir, ctx.signal) : [];
  const here = own.find((p) => path.resolve(p.dir) === path.dirname(need.abs));
  const moduleCandidates = own.filter((p) => p !== here && internalAllowed(p.importPath, here?.importPath ?? ''));
  const candidates = [...stdCandidates.map((pkg) => ({ pkg, std: true })), ...moduleCandidates.map((pkg) => ({ pkg, std: false }))].filter((c) => c.pkg.name === need.name);
  if (candidates.length === 0) return { refused: `${need.file}: no standard library or module package is named '${need.name}'` };
  const fitting: typeof candidates = [];
  for (const c of candidates) {
    const exported = await exportedNames(c.pkg);
    if (selectors.every((s) => exported.has(s))) fitting.push(c);
  }
  const uses = selectors.map((s) => `${need.name}.${s}`).join(', ');
  if (fitting.length === 0) return { refused: `${need.file}: no package named '${need.name}' exports ${uses} (${candidates.map((c) => c.pkg.importPath).join(', ')})` };
  if (fitting.length > 1) return { refused: `${need.file}: ${fitting.map((c) => c.pkg.importPath).join(' and ')} all export ${uses}: ambiguous` };
  return { ...fitting[0]!, selectors };
}

/** The directory of the nearest go.mod from `dir` up to the worktree root. */
function nearestModule(dir: string, worktree: string): string | undefined {
  for (let d = dir; isInside(worktree, d); d = path.dirname(d)) {
    if (existsSync(path.join(d, 'go.mod'))) return d;
    if (d === path.dirname(d)) break;
  }
  return undefined;
}

/** gofmt sorts the import block and aligns it; without gofmt the added line is valid Go already. */
async function gofmt(files: string[], ctx: FixContext): Promise<void> {
  const bin = await findOnPath('gofmt');
  if (!bin) {
    ctx.log('go-imports: gofmt is not on PATH; the import is added unformatted');
    return;
  }
  const r = await execTool(bin, ['-w', ...files], { cwd: ctx.worktree, signal: ctx.signal, timeoutMs: 60_000 });
  if (r.code !== 0) ctx.log(`go-imports: gofmt failed: ${r.stderr.trim().split('\n')[0]}`);
}

export default goImportsFixer;
