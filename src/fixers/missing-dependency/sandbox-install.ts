import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { execTool } from '../shared/exec.js';
import { isInside } from '../shared/worktree-path.js';
import type { ResolveEnv } from './types.js';

/**
 * The sandbox's own node_modules nearest to the manifest: a real directory inside the worktree (the
 * heal sandbox makes one; a node_modules that is a link leads to the user's or another project's
 * packages and is never written to).
 */
async function ownNodeModules(manifestDir: string, worktree: string): Promise<string | undefined> {
  for (let d = manifestDir; isInside(worktree, d); d = path.dirname(d)) {
    const nm = path.join(d, 'node_modules');
    const st = await lstat(nm).catch(() => undefined);
    if (st?.isDirectory()) return nm;
    if (st) return undefined; // a link: not ours to add to
    if (d === worktree) break;
  }
  return undefined;
}

/** The command that installs what the manifest declares, for the proposal's "then run ...". */
export function installCommand(manifestDir: string, worktree: string): string {
  for (let d = manifestDir; isInside(worktree, d); d = path.dirname(d)) {
    if (existsSync(path.join(d, 'pnpm-lock.yaml'))) return 'pnpm install';
    if (existsSync(path.join(d, 'yarn.lock'))) return 'yarn install';
    if (existsSync(path.join(d, 'package-lock.json'))) return 'npm install';
    if (d === worktree) break;
  }
  return 'npm install';
}

export type Provided = { ok: true; note: string } | { ok: false; note: string };

/**
 * Makes a package the fix declares resolvable in the sandbox, so the fix can be verified, without
 * touching the user's node_modules: `npm install --no-save --ignore-scripts` into a directory of the
 * sandbox's scratch space (outside the worktree, never in a patch), then one link to it in the
 * sandbox's own node_modules. The link lasts for the attempt (the sandbox removes it on reset) or,
 * once the fix is kept, for the rest of the run. A workspace package is linked from the worktree.
 */
export async function provideInSandbox(name: string, range: string, manifestDir: string, env: ResolveEnv, workspaceDir?: string): Promise<Provided> {
  if (!env.scratchDir) return { ok: false, note: 'not installed in the sandbox (no scratch directory)' };
  const nm = await ownNodeModules(manifestDir, env.worktree);
  if (!nm) return { ok: false, note: 'not installed in the sandbox: it has no node_modules of its own there' };
  const target = path.join(nm, name);
  if (await lstat(target).catch(() => undefined)) return { ok: true, note: `${name} is already resolvable in the sandbox` };
  const scope = name.startsWith('@') ? path.join(nm, name.split('/')[0]!) : undefined;
  if (scope && (await lstat(scope).catch(() => undefined))?.isSymbolicLink()) return { ok: false, note: `not installed in the sandbox: ${path.basename(scope)} there is a link to packages outside it` };
  let from = workspaceDir;
  let version = range;
  if (!from) {
    const prefix = path.join(env.scratchDir, 'npm', name.replace(/[/@]/g, '_'));
    await mkdir(prefix, { recursive: true });
    const r = await execTool('npm', ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--prefix', prefix, `${name}@${range}`], {
      cwd: prefix,
      signal: env.signal,
      timeoutMs: 300_000,
    }).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message, timedOut: false }));
    from = path.join(prefix, 'node_modules', name);
    if (r.code !== 0 || !existsSync(from)) return { ok: false, note: `not installed in the sandbox: npm install failed (${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? `exit ${r.code}`})` };
    version = ((JSON.parse(await readFile(path.join(from, 'package.json'), 'utf8')) as { version?: string }).version ?? range).toString();
  }
  if (scope) await mkdir(scope, { recursive: true });
  await symlink(from, target);
  return { ok: true, note: `${name}@${version} installed privately in the sandbox to verify the fix (your node_modules is untouched)` };
}
