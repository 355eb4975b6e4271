import { lstat, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffLines } from 'diff';
import { isInside } from '../../shared/worktree-path.js';
import { AnswerError, type Edit } from './types.js';

export interface PlannedFile {
  /** Repository-relative, forward slashes. */
  path: string;
  abs: string;
  before: string | undefined;
  after: string;
}

export interface Plan {
  files: PlannedFile[];
  /** Lines added plus removed: how invasive the change is (samples are tried smallest first). */
  size: number;
}

/**
 * Works out every edit in memory against the worktree's current files, and fails with every problem
 * found (a path outside the worktree, SEARCH text missing or ambiguous) before anything is written.
 */
export async function planEdits(worktree: string, edits: Edit[]): Promise<Plan> {
  const root = await realpath(worktree);
  const files = new Map<string, PlannedFile>();
  const problems: string[] = [];
  for (const [i, e] of edits.entries()) {
    const where = `edit ${i + 1} (${e.file})`;
    const abs = await safePath(root, e.file).catch((err: Error) => {
      problems.push(`${where}: ${err.message}`);
      return undefined;
    });
    if (!abs) continue;
    const rel = path.relative(root, abs).split(path.sep).join('/');
    let f = files.get(rel);
    if (!f) {
      const before = await readFile(abs, 'utf8').catch(() => undefined);
      f = { path: rel, abs, before, after: before ?? '' };
      files.set(rel, f);
    }
    const r = e.whole ? e.replace : replaceOnce(f.after, e.search, e.replace, f.before === undefined && f.after === '');
    if (typeof r === 'string') f.after = r;
    else problems.push(`${where}: ${r.problem}`);
  }
  if (problems.length > 0) throw new AnswerError(problems);
  const changed = [...files.values()].filter((f) => f.after !== f.before);
  if (changed.length === 0) throw new AnswerError(['the edits change nothing (each SEARCH equals its REPLACE)']);
  const size = changed.reduce((n, f) => n + diffLines(f.before ?? '', f.after).reduce((m, c) => m + (c.added || c.removed ? (c.count ?? 0) : 0), 0), 0);
  return { files: changed, size };
}

export async function writePlan(plan: Plan): Promise<void> {
  for (const f of plan.files) {
    await mkdir(path.dirname(f.abs), { recursive: true });
    await writeFile(f.abs, f.after);
  }
}

/** Inside the worktree, never in .git, never through a symlink that leads out. */
async function safePath(root: string, file: string): Promise<string> {
  const p = file.trim().replace(/\\/g, '/');
  if (p === '' || p.includes('\0')) throw new Error('empty or invalid path');
  if (path.isAbsolute(p) || /^[A-Za-z]:\//.test(p)) throw new Error('absolute paths are not allowed; use a repository-relative path');
  const abs = path.resolve(root, p);
  if (!isInside(root, abs) || abs === root) throw new Error('the path leads outside the repository');
  if (path.relative(root, abs).split(path.sep).includes('.git')) throw new Error('files under .git may not be edited');
  // The deepest existing ancestor (or the file) must resolve inside the worktree.
  let probe = abs;
  for (;;) {
    try {
      await lstat(probe);
      break;
    } catch {
      probe = path.dirname(probe);
    }
  }
  const real = await realpath(probe);
  if (!isInside(root, real)) throw new Error('the path goes through a link that leads outside the repository');
  return abs;
}

function replaceOnce(text: string, search: string, replace: string, isNew: boolean): string | { problem: string } {
  const crlf = text.includes('\r\n');
  const body = crlf ? text.replace(/\r\n/g, '\n') : text;
  const back = (s: string) => (crlf ? s.replace(/\n/g, '\r\n') : s);
  if (search === '') {
    if (!isNew) return { problem: 'an empty SEARCH only creates new files, and this file exists' };
    return replace;
  }
  const count = occurrences(body, search);
  if (count === 1) return back(body.replace(search, () => replace));
  if (count > 1) return { problem: `the SEARCH text occurs ${count} times; include more surrounding lines so it is unique` };
  // Tolerate differences in trailing whitespace and a missing final newline: match line by line.
  const hit = fuzzyLines(body, search);
  if (hit === 'ambiguous') return { problem: 'the SEARCH text (ignoring trailing spaces) occurs more than once; include more surrounding lines' };
  if (!hit) return { problem: 'the SEARCH text is not in the file; copy the lines exactly as they are now' };
  const lines = body.split('\n');
  const repl = replace.endsWith('\n') ? replace.slice(0, -1).split('\n') : replace === '' ? [] : replace.split('\n');
  lines.splice(hit.start, hit.length, ...repl);
  return back(lines.join('\n'));
}

function occurrences(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) n++;
  return n;
}

function fuzzyLines(text: string, search: string): { start: number; length: number } | 'ambiguous' | undefined {
  const lines = text.split('\n').map((l) => l.trimEnd());
  const want = search.replace(/\n$/, '').split('\n').map((l) => l.trimEnd());
  let found: { start: number; length: number } | undefined;
  for (let i = 0; i + want.length <= lines.length; i++) {
    if (want.every((w, k) => lines[i + k] === w)) {
      if (found) return 'ambiguous';
      found = { start: i, length: want.length };
    }
  }
  return found;
}
