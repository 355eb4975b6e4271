import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FailureEvent } from '../../../events/index.js';
import { repoFrames } from '../../../ingest/frames.js';
import { isInside } from '../../shared/worktree-path.js';
import { localImports } from './imports.js';

export type SourceRole = 'failing test' | 'stack frame' | 'imported by a failing test' | 'same package as a failing test';

export interface SourceFile {
  /** Repository-relative, forward slashes. */
  path: string;
  text: string;
  role: SourceRole;
  /** 1-based lines the failure points at (windows are cut around them when the file is large). */
  lines: number[];
}

const MAX_FILE_BYTES = 200_000;
const LIMITS: Record<SourceRole, number> = { 'failing test': 3, 'stack frame': 5, 'imported by a failing test': 6, 'same package as a failing test': 4 };
const TEST_FILE = /(^|\/)(tests?|__tests__|spec)\/|[._-](test|spec)\.[cm]?[jt]sx?$|(^|\/)test_[^/]*\.py$|_test\.(py|go)$|Test\.java$/;

export function isTestFile(p: string): boolean {
  return TEST_FILE.test(p);
}

/**
 * The code a fixer should read: the failing tests' files, the files their stack frames point into, the
 * local modules the test files import, and (Go) the package's other files. Read from the worktree.
 */
export async function gatherSources(worktree: string, events: FailureEvent[]): Promise<SourceFile[]> {
  const found = new Map<string, SourceFile>();
  const add = async (rel: string, role: SourceRole, line?: number): Promise<void> => {
    const have = found.get(rel);
    if (have) {
      if (line && !have.lines.includes(line)) have.lines.push(line);
      return;
    }
    if ([...found.values()].filter((f) => f.role === role).length >= LIMITS[role]) return;
    const text = await readSmall(worktree, rel);
    if (text === undefined) return;
    found.set(rel, { path: rel, text, role, lines: line ? [line] : [] });
  };

  for (const e of events) if (e.file) await add(norm(e.file, e.package), isTestFile(e.file) ? 'failing test' : 'stack frame', e.line);
  for (const e of events) {
    for (const f of e.stack ? repoFrames(e.stack, worktree, e.package && e.package !== '.' ? e.package : undefined) : []) {
      await add(f.file, isTestFile(f.file) ? 'failing test' : 'stack frame', f.line);
    }
  }
  const tests = [...found.values()].filter((f) => f.role === 'failing test');
  for (const t of tests) {
    for (const imp of await localImports(worktree, t.path, t.text)) await add(imp, 'imported by a failing test');
    if (t.path.endsWith('_test.go')) {
      for (const sib of await goSiblings(worktree, t.path)) await add(sib, 'same package as a failing test');
    }
  }
  return [...found.values()];
}

function norm(file: string, pkg?: string): string {
  const f = file.replace(/\\/g, '/');
  return pkg && pkg !== '.' && !f.startsWith(`${pkg}/`) && !f.startsWith('/') ? path.posix.join(pkg, f) : f;
}

async function readSmall(worktree: string, rel: string): Promise<string | undefined> {
  const abs = path.resolve(worktree, rel);
  if (!isInside(worktree, abs) || rel.split('/').includes('.git')) return undefined;
  try {
    const s = await stat(abs);
    if (!s.isFile() || s.size > MAX_FILE_BYTES) return undefined;
    const text = await readFile(abs, 'utf8');
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

async function goSiblings(worktree: string, testFile: string): Promise<string[]> {
  const dir = path.posix.dirname(testFile);
  try {
    const names = await readdir(path.join(worktree, dir));
    return names.filter((n) => n.endsWith('.go') && !n.endsWith('_test.go')).sort().map((n) => path.posix.join(dir, n));
  } catch {
    return [];
  }
}
