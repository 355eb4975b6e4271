import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FailureEvent } from '../../events/index.js';
import { eventLocations, mapFrameFile, type SourceLocation } from '../shared/locations.js';
import { uniqueNearMiss } from '../shared/near-miss.js';
import { findOccurrences } from '../shared/token-edit.js';
import { isInside, resolveInWorktree, toWorktreeRelative } from '../shared/worktree-path.js';
import { quotedOccurrences } from './plan.js';
import type { SuggestionSource, SuggestOutcome, SuggestEnv } from './types.js';

const CODE_EXT = /\.(?:d\.ts|[cm]?[jt]sx?|json)$/;

/** A relative import that does not resolve: the written (or resolved) specifier and the importing file. */
function jsMiss(event: FailureEvent): { spec: string; importer?: string } | undefined {
  const text = `${event.message}\n${event.stack ?? ''}`;
  const patterns: RegExp[] = [
    /Failed to resolve import "([^"]+)" from "([^"]+)"/,
    /Cannot find module '([^']+)' imported from (\S+)/,
    /Cannot find module '([^']+)' from '([^']+)'/,
    /Cannot find module '([^']+)' or its corresponding type declarations/,
    /Cannot find module '([^']+)'\s*\nRequire stack:\n- (\S+)/,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m && (/^\.{1,2}\//.test(m[1]!) || path.isAbsolute(m[1]!))) return { spec: m[1]!, importer: m[2] };
  }
  return undefined;
}

const pyMiss = (event: FailureEvent): string | undefined =>
  event.error_class === 'ModuleNotFoundError' || /ModuleNotFoundError/.test(`${event.message}\n${event.stack ?? ''}`) ? /No module named '([\w.]+)'/.exec(`${event.message}\n${event.stack ?? ''}`)?.[1] : undefined;

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Module names a relative import can reach in `dir`: code files without extension, directories with an index. */
function jsModulesIn(dir: string): string[] {
  return listDir(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (n === 'node_modules' || n.startsWith('.')) return [];
    if (statSync(p).isDirectory()) return listDir(p).some((f) => /^index\.[cm]?[jt]sx?$/.test(f) || f === 'package.json') ? [n] : [];
    return CODE_EXT.test(n) ? [n.replace(CODE_EXT, '')] : [];
  });
}

function pyModulesIn(dir: string): string[] {
  return listDir(dir).flatMap((n) => {
    if (n.endsWith('.py')) return [n.slice(0, -3)];
    return existsSync(path.join(dir, n, '__init__.py')) ? [n] : [];
  });
}

/**
 * A relative import (or a local Python module) whose last path segment is one edit away from exactly
 * one module that exists next to it: `./utills` -> `./utils`. Only the last segment is corrected, and
 * only to a unique near miss; otherwise this source says nothing (missing-dependency may still apply).
 */
export const modulePathSource: SuggestionSource = {
  id: 'module-path',
  recognizes: (event) => jsMiss(event) !== undefined || pyMiss(event) !== undefined,
  async suggest(event: FailureEvent, env: SuggestEnv): Promise<SuggestOutcome> {
    const js = jsMiss(event);
    if (js) return suggestJs(event, js, env.worktree);
    const mod = pyMiss(event);
    return mod ? suggestPython(event, mod, env.worktree) : undefined;
  },
};

function suggestJs(event: FailureEvent, miss: { spec: string; importer?: string }, worktree: string): SuggestOutcome {
  const importerAbs = (miss.importer && (mapFrameFile(miss.importer, worktree) ?? resolveInWorktree(worktree, miss.importer))) || eventLocations(event, worktree).find((l) => CODE_EXT.test(l.file))?.abs;
  if (!importerAbs || !existsSync(importerAbs)) return undefined;
  const text = readFileSync(importerAbs, 'utf8');
  // Node's ESM error names the resolved absolute path; find the literal the file wrote for it.
  const written = path.isAbsolute(miss.spec) ? writtenSpecifier(text, importerAbs, miss.spec) : miss.spec;
  if (!written || quotedOccurrences(text, written) === 0) return undefined;
  const target = path.resolve(path.dirname(importerAbs), written);
  if (!isInside(worktree, target)) return undefined;
  const base = path.basename(written);
  const ext = CODE_EXT.exec(base)?.[0] ?? '';
  const wrong = base.slice(0, base.length - ext.length);
  const pick = uniqueNearMiss(wrong, jsModulesIn(path.dirname(target)));
  const rel = toWorktreeRelative(worktree, importerAbs);
  if (!pick.ok) return pick.reason.includes('ambiguous') ? { refused: `import '${written}' in ${rel}: ${pick.reason}` } : undefined;
  const to = `${written.slice(0, written.length - base.length)}${pick.name}${ext}`;
  const at: SourceLocation = { file: rel, abs: importerAbs, line: 1, from: 'event' };
  return { suggestion: { from: written, to, role: 'any', lang: 'js', locations: [at], exact: true, literal: true, source: 'module path: unique near miss next to it' } };
}

function writtenSpecifier(text: string, importer: string, resolved: string): string | undefined {
  const strip = (p: string): string => p.replace(CODE_EXT, '');
  for (const m of text.matchAll(/(['"`])(\.{1,2}\/[^'"`\n]+)\1/g)) {
    const abs = path.resolve(path.dirname(importer), m[2]!);
    if (abs === resolved || strip(abs) === strip(resolved)) return m[2];
  }
  return undefined;
}

function suggestPython(event: FailureEvent, dotted: string, worktree: string): SuggestOutcome {
  const parts = dotted.split('.');
  const wrong = parts[parts.length - 1]!;
  for (const loc of eventLocations(event, worktree).filter((l) => l.file.endsWith('.py'))) {
    const line = readFileSync(loc.abs, 'utf8').split('\n')[loc.line - 1] ?? '';
    if (!/^\s*(from|import)\s/.test(line)) continue;
    const hits = findOccurrences(line, wrong, 'any', 'python');
    if (hits.length !== 1) continue;
    // Where Python would look: the importing file's directory and the repository root (or the package).
    const roots = [...new Set([path.dirname(loc.abs), worktree, path.join(worktree, 'src')])].map((r) => path.join(r, ...parts.slice(0, -1)));
    const candidates = roots.flatMap(pyModulesIn);
    if (candidates.length === 0) return undefined;
    const pick = uniqueNearMiss(wrong, candidates);
    if (!pick.ok) return pick.reason.includes('ambiguous') ? { refused: `import of '${dotted}' at ${loc.file}:${loc.line}: ${pick.reason}` } : undefined;
    return { suggestion: { from: wrong, to: pick.name, role: 'any', lang: 'python', locations: [{ ...loc, column: hits[0]! + 1 }], exact: true, source: 'module path: unique near miss among local modules' } };
  }
  return undefined;
}
