import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, realpath, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Scenario } from './scenario.js';

export const GIT_ENV = { GIT_AUTHOR_NAME: 'Eval', GIT_AUTHOR_EMAIL: 'eval@example.com', GIT_COMMITTER_NAME: 'Eval', GIT_COMMITTER_EMAIL: 'eval@example.com' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
}

/**
 * A fresh git repository for a scenario: repo/ committed, then breaking/ committed on top (the commit
 * that broke it), then uncommitted/ left in the working tree; node_modules linked per package from
 * suture's own (minus the packages the scenario hides).
 */
export async function materialize(s: Scenario, sutureRoot: string, opts: { solution?: boolean } = {}): Promise<string> {
  const root = await realpath(await mkdtemp(path.join(os.tmpdir(), `suture-eval-${s.name}-`)));
  await cp(path.join(s.dir, 'repo'), root, { recursive: true });
  if (s.node_modules) {
    const nm = path.join(root, 'node_modules');
    await mkdir(nm);
    for (const entry of await readdir(path.join(sutureRoot, 'node_modules'))) {
      if (s.hide_packages.includes(entry)) continue;
      await symlink(path.join(sutureRoot, 'node_modules', entry), path.join(nm, entry));
    }
  }
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'initial');
  if (s.hasBreaking) {
    await cp(path.join(s.dir, 'breaking'), root, { recursive: true });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', s.breaking_commit);
  }
  if (s.hasUncommitted) await cp(path.join(s.dir, 'uncommitted'), root, { recursive: true });
  if (opts.solution && s.hasSolution) await cp(path.join(s.dir, 'solution'), root, { recursive: true });
  return root;
}
