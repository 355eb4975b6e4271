import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import type { Fixer, FixContext, FixResult } from '../types.js';
import { isInside } from '../shared/worktree-path.js';
import { priorityOf, refusal } from './allowlist.js';
import { applyTextChanges, formatSettingsFor, preferencesFor } from './apply.js';
import { TsProject } from './project.js';
import { cheapRecognize, diagnosticKey, matchDiagnostic, targetsOf, type TargetSpec } from './targets.js';

/**
 * The TypeScript language service's own code fixes for the diagnostics in the failure (tsc events, or
 * the checker's diagnosis of a JS/TS runtime error at the failing line), restricted to a safe list.
 * Only the failure's diagnostics are fixed, one at a time, each re-located after the previous edit.
 */
export const tsCodefixFixer: Fixer = {
  id: 'ts-codefix',
  cost: 'free',
  appliesTo: (_cluster, events) => events.some(cheapRecognize),
  async propose(ctx: FixContext): Promise<FixResult> {
    const specs = ctx.events.flatMap((e) => targetsOf(e, ctx.worktree) ?? []);
    if (specs.length === 0) return { kind: 'pass', reason: 'no TypeScript diagnostic or JS runtime error inside the worktree' };
    const projects = new Map<string, TsProject>();
    const refused: string[] = [];
    const applied: string[] = [];
    // The projects are kept for the next call (TsProject.acquire); never disposed here.
    for (const [abs, fileSpecs] of groupBy(specs, (s) => s.abs)) {
      const project = projectFor(abs, ctx.worktree, projects, fileSpecs);
      const keys = initialKeys(project, abs, fileSpecs, refused);
      for (const key of keys) {
        if (ctx.signal.aborted) break;
        const r = fixOne(project, abs, key, ctx.worktree);
        if (!r) continue;
        if (r.ok) applied.push(`${path.relative(ctx.worktree, abs)}: ${r.fix.description} (${r.fix.fixName})`);
        else refused.push(r.reason);
      }
    }
    const written = new Set<string>();
    for (const project of projects.values()) {
      for (const [file, text] of project.edited()) {
        if (!isInside(ctx.worktree, file) || written.has(file)) continue;
        await writeFile(file, text);
        written.add(file);
      }
    }
    for (const r of refused) ctx.log(`ts-codefix: refused ${r}`);
    if (applied.length > 0) {
      const note = refused.length ? `; refused: ${[...new Set(refused)].join('; ')}` : '';
      return { kind: 'edited', summary: `TypeScript code fixes: ${applied.join(', ')}${note}` };
    }
    if (refused.length > 0) return { kind: 'unfixable', reason: [...new Set(refused)].join('; ') };
    return { kind: 'pass', reason: 'the language service reports no matching diagnostic' };
  },
};

function projectFor(abs: string, worktree: string, projects: Map<string, TsProject>, specs: TargetSpec[]): TsProject {
  return TsProject.acquire(abs, worktree, specs.some((s) => s.code === undefined), projects);
}

/** The diagnostics the failure designates, as position-independent keys; stale ones are refused. */
function initialKeys(project: TsProject, abs: string, specs: TargetSpec[], refused: string[]): string[] {
  const sf = project.service.getProgram()?.getSourceFile(abs);
  if (!sf) {
    refused.push(`${abs} is not part of the TypeScript program`);
    return [];
  }
  const diags = project.diagnostics(abs);
  const keys = new Set<string>();
  // A runtime failure lists several frames; only the ones the checker explains count.
  const byEvent = groupBy(specs, (s) => s.from.replace(/ at .*$/, '') + (s.code ?? s.names?.join(',')));
  for (const group of byEvent.values()) {
    const found = group.map((s) => matchDiagnostic(diags, s, sf)).find((d) => d !== undefined);
    if (found) keys.add(diagnosticKey(found));
    else if (group[0]!.code !== undefined) refused.push(`${group[0]!.from}: the language service no longer reports it there (stale position)`);
  }
  return [...keys];
}

type FixOutcome = { ok: true; fix: ts.CodeFixAction } | { ok: false; reason: string };

/** Fixes one diagnostic in memory; undefined when an earlier fix already made it go away. */
function fixOne(project: TsProject, abs: string, key: string, worktree: string): FixOutcome | undefined {
  const diag = project.diagnostics(abs).find((d) => diagnosticKey(d) === key);
  if (!diag || diag.start === undefined) return undefined;
  const text = project.read(abs) ?? '';
  const where = `TS${diag.code} '${ts.flattenDiagnosticMessageText(diag.messageText, ' ').slice(0, 120)}'`;
  const prefs = preferencesFor(text, () => neighbourSources(abs, project.configFile ? path.dirname(project.configFile) : worktree));
  const offered = project.service.getCodeFixesAtPosition(abs, diag.start, diag.start + (diag.length ?? 0), [diag.code], formatSettingsFor(text), prefs);
  const inWorktree = (f: string): boolean => isInside(worktree, f) && !path.relative(worktree, f).split(path.sep).includes('node_modules');
  const after = text.slice(diag.start + (diag.length ?? 0), diag.start + (diag.length ?? 0) + 40);
  const safe: ts.CodeFixAction[] = [];
  const unsafe: string[] = [];
  for (const f of offered) {
    const why = refusal(f, inWorktree, after);
    if (why) unsafe.push(why);
    else safe.push(f);
  }
  const chosen = choose(safe);
  if (!chosen.ok) {
    const detail = chosen.reason ?? (unsafe.length ? `only unsafe fixes offered: ${unsafe.join('; ')}` : 'no code fix offered');
    return { ok: false, reason: `${where}: ${detail}` };
  }
  for (const change of chosen.fix.changes) {
    const current = project.read(change.fileName) ?? '';
    project.update(change.fileName, applyTextChanges(current, change.textChanges));
  }
  return { ok: true, fix: chosen.fix };
}

/** The best safe fix by preference; two different fixes of the same best kind are ambiguous. */
function choose(safe: ts.CodeFixAction[]): { ok: true; fix: ts.CodeFixAction } | { ok: false; reason?: string } {
  if (safe.length === 0) return { ok: false };
  const unique = new Map<string, ts.CodeFixAction>();
  for (const f of safe) unique.set(`${f.fixName}:${JSON.stringify(f.changes)}`, f);
  const list = [...unique.values()].sort((a, b) => priorityOf(a.fixName)! - priorityOf(b.fixName)!);
  const best = list.filter((f) => f.fixName === list[0]!.fixName);
  if (best.length > 1) return { ok: false, reason: `${best.length} different '${best[0]!.fixName}' fixes (${best.map((f) => f.description).join(' / ')}): ambiguous` };
  return { ok: true, fix: best[0]! };
}

/** Some other source files of the project, siblings first, for its style when the file itself shows none. */
function neighbourSources(abs: string, projectDir: string): string[] {
  const files = globSync('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', { cwd: projectDir, absolute: true, ignore: ['**/node_modules/**', '**/dist/**', '**/*.d.ts'], deep: 4 })
    .filter((f) => f !== abs)
    .sort((a, b) => Number(path.dirname(b) === path.dirname(abs)) - Number(path.dirname(a) === path.dirname(abs)))
    .slice(0, 20);
  return files.map((f) => readFileSync(f, 'utf8'));
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

export default tsCodefixFixer;
