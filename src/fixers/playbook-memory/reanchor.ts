import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePatch } from 'diff';
import { isInside } from '../shared/worktree-path.js';

export type Reanchored = { ok: true; files: Map<string, string | null> } | { ok: false; reason: string };

const stripPrefix = (name: string | undefined): string | undefined => (name === undefined || name === '/dev/null' ? undefined : name.replace(/^[ab]\//, ''));

/**
 * Re-applies a stored diff whose context moved: each hunk's old text (context + removed lines) must
 * occur exactly once in the current file and is replaced by the hunk's new text. Any hunk that is
 * missing, ambiguous or already applied refuses the whole diff: a replay is exact or nothing.
 * Returns the new contents (null = delete) without writing them.
 */
export async function reanchor(worktree: string, diff: string): Promise<Reanchored> {
  const files = new Map<string, string | null>();
  for (const p of parsePatch(diff)) {
    const oldName = stripPrefix(p.oldFileName);
    const newName = stripPrefix(p.newFileName);
    const rel = newName ?? oldName;
    if (!rel) continue;
    const abs = path.resolve(worktree, rel);
    if (!isInside(worktree, abs)) return { ok: false, reason: `${rel} is outside the worktree` };
    if (oldName !== undefined && newName !== undefined && oldName !== newName) return { ok: false, reason: `${oldName} -> ${newName} is a rename; not re-anchored` };
    if (!oldName) {
      if (existsSync(abs)) return { ok: false, reason: `${rel} would be created but already exists` };
      files.set(abs, p.hunks.flatMap((h) => h.lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1))).join('\n') + '\n');
      continue;
    }
    if (!existsSync(abs)) return { ok: false, reason: `${rel} no longer exists` };
    let lines = (files.get(abs) ?? (await readFile(abs, 'utf8'))).split('\n');
    if (!newName) {
      files.set(abs, null);
      continue;
    }
    for (const h of p.hunks) {
      const placed = placeHunk(lines, h.lines.filter((l) => !l.startsWith('\\')));
      if (!placed.ok) return { ok: false, reason: `${rel} ${hunkLabel(h)}: ${placed.reason}` };
      lines = placed.lines;
    }
    files.set(abs, lines.join('\n'));
  }
  return files.size ? { ok: true, files } : { ok: false, reason: 'the stored diff has no file changes' };
}

/**
 * Places one hunk: the changed middle must match exactly; surrounding context is trimmed one line at a
 * time from both ends (like patch's fuzz) until the block occurs exactly once. A pure insertion keeps
 * at least one line of context as its anchor.
 */
function placeHunk(lines: string[], body: string[]): { ok: true; lines: string[] } | { ok: false; reason: string } {
  const first = body.findIndex((l) => !l.startsWith(' '));
  const last = body.length - 1 - [...body].reverse().findIndex((l) => !l.startsWith(' '));
  const lead = body.slice(0, first).map((l) => l.slice(1));
  const trail = body.slice(last + 1).map((l) => l.slice(1));
  const middle = body.slice(first, last + 1);
  const midOld = middle.filter((l) => !l.startsWith('+')).map((l) => l.slice(1));
  const midNew = middle.filter((l) => !l.startsWith('-')).map((l) => l.slice(1));
  let sawMany = false;
  for (let k = Math.max(lead.length, trail.length); k >= (midOld.length ? 0 : 1); k--) {
    const kl = Math.min(k, lead.length);
    const kt = Math.min(k, trail.length);
    const before = [...lead.slice(lead.length - kl), ...midOld, ...trail.slice(0, kt)];
    const at = uniqueIndex(lines, before);
    if (at === 'many') {
      sawMany = true;
      break;
    }
    if (at === 'none') continue;
    const after = [...lead.slice(lead.length - kl), ...midNew, ...trail.slice(0, kt)];
    return { ok: true, lines: [...lines.slice(0, at), ...after, ...lines.slice(at + before.length)] };
  }
  if (sawMany) return { ok: false, reason: 'its text occurs more than once (ambiguous)' };
  const applied = uniqueIndex(lines, [...lead, ...midNew, ...trail]) !== 'none' || (midNew.length > 0 && uniqueIndex(lines, midNew) !== 'none' && uniqueIndex(lines, midOld) === 'none');
  return { ok: false, reason: applied ? 'the change is already there' : 'the lines it changes are no longer in the file' };
}

function hunkLabel(h: { oldStart: number; oldLines: number }): string {
  return `hunk at line ${h.oldStart}`;
}

function uniqueIndex(lines: string[], block: string[]): number | 'none' | 'many' {
  if (block.length === 0) return 'many';
  let found: number | undefined;
  for (let i = 0; i + block.length <= lines.length; i++) {
    if (block.every((b, j) => lines[i + j] === b)) {
      if (found !== undefined) return 'many';
      found = i;
    }
  }
  return found ?? 'none';
}
