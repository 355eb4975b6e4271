import { gitOut, gitRun } from '../shared/git.js';

/** One hunk of a commit's diff, as a patch git can apply (or reverse) on its own. */
export interface CommitHunk {
  file: string;
  /** `@@ -a,b +c,d @@` of the hunk. */
  header: string;
  added: number;
  removed: number;
  /** File header + this hunk only. */
  patch: string;
}

/**
 * Splits a commit's diff against its first parent into single-hunk patches. New and deleted files are
 * one hunk each (reverting them deletes or restores the file); binary changes are left out.
 */
export async function commitHunks(dir: string, sha: string): Promise<CommitHunk[]> {
  const text = await gitOut(dir, ['show', '--format=', '--no-color', '--no-ext-diff', '--no-renames', '--first-parent', '-U3', sha]);
  const out: CommitHunk[] = [];
  for (const section of text.split(/^(?=diff --git )/m)) {
    if (!section.startsWith('diff --git ')) continue;
    if (/^(GIT binary patch|Binary files )/m.test(section)) continue;
    const lines = section.replace(/\n$/, '').split('\n');
    const firstHunk = lines.findIndex((l) => l.startsWith('@@'));
    if (firstHunk < 0) continue;
    const fileHeader = lines.slice(0, firstHunk);
    const file = /^\+\+\+ b\/(.*)$/m.exec(fileHeader.join('\n'))?.[1] ?? /^--- a\/(.*)$/m.exec(fileHeader.join('\n'))?.[1];
    if (!file) continue;
    let start = firstHunk;
    for (let i = firstHunk + 1; i <= lines.length; i++) {
      if (i < lines.length && !lines[i]!.startsWith('@@')) continue;
      const body = lines.slice(start, i);
      out.push({
        file,
        header: body[0]!.replace(/^(@@[^@]*@@).*$/, '$1'),
        added: body.filter((l) => l.startsWith('+')).length,
        removed: body.filter((l) => l.startsWith('-')).length,
        patch: `${[...fileHeader, ...body].join('\n')}\n`,
      });
      start = i;
    }
  }
  return out;
}

/**
 * Reverse-applies patches to the worktree's files (index untouched): exactly, else three-way from the
 * blobs the patch names. Returns false (and applies nothing) when the hunks no longer fit.
 */
export async function revertPatches(dir: string, patches: string[]): Promise<boolean> {
  const input = patches.join('');
  if ((await gitRun(dir, ['apply', '-R', '--check', '--whitespace=nowarn'], { input })).code === 0) {
    return (await gitRun(dir, ['apply', '-R', '--whitespace=nowarn'], { input })).code === 0;
  }
  return false;
}

/** Undoes revertPatches (the same patches applied forward again). */
export async function restorePatches(dir: string, patches: string[]): Promise<void> {
  const r = await gitRun(dir, ['apply', '--whitespace=nowarn'], { input: patches.join('') });
  if (r.code !== 0) throw new Error(`could not restore the worktree after a revert trial: ${r.stderr.trim()}`);
}
