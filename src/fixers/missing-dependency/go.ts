import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execTool } from '../shared/exec.js';
import { isInside, toWorktreeRelative } from '../shared/worktree-path.js';
import type { MissingModule } from './specifier.js';
import type { DependencyOutcome, ResolveEnv } from './types.js';

/** Module cache paths escape capitals as `!` + lower case (golang.org/x/mod/module.EscapePath). */
const escapePath = (p: string): string => p.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);

function semverKey(v: string): number[] {
  const m = /^v(\d+)\.(\d+)\.(\d+)(-.*)?$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? 0 : 1] : [-1];
}

function newest(versions: string[]): string | undefined {
  return [...versions].sort((a, b) => {
    const [x, y] = [semverKey(a), semverKey(b)];
    for (let i = 0; i < 4; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0);
    return 0;
  })[0];
}

/** Versions of a module already in the local module cache (what `go get` can use without a proxy). */
async function cachedVersions(cache: string, modulePath: string): Promise<string[]> {
  const dir = path.join(cache, 'cache', 'download', escapePath(modulePath), '@v');
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => f.endsWith('.zip')).map((f) => f.slice(0, -'.zip'.length));
}

function moduleDir(from: string, worktree: string): string | undefined {
  for (let d = from; isInside(worktree, d); d = path.dirname(d)) {
    if (existsSync(path.join(d, 'go.mod'))) return d;
    if (d === worktree) break;
  }
  return undefined;
}

/**
 * The Go proxy is unreachable here, so a package is resolved only from the local module cache: the
 * longest module path prefix with a cached version; `go get` (offline: GOPROXY=off) then records it in
 * go.mod and go.sum. GOSUMDB is off for that call because the checksum database is online too; the
 * hash written to go.sum is the one of the cached, already verified download.
 */
export async function resolveGo(mod: MissingModule, importer: string | undefined, env: ResolveEnv): Promise<DependencyOutcome> {
  const pkg = mod.specifier;
  if (!pkg.split('/')[0]!.includes('.')) return { kind: 'unfixable', reason: `'${pkg}' is not a module path (no domain): a misspelt standard-library import?` };
  const dir = moduleDir(importer ? path.dirname(importer) : env.worktree, env.worktree) ?? (existsSync(path.join(env.worktree, 'go.mod')) ? env.worktree : undefined);
  if (!dir) return { kind: 'unfixable', reason: 'no go.mod in the worktree' };
  const goMod = path.join(dir, 'go.mod');
  const own = /^module\s+(\S+)/m.exec(await readFile(goMod, 'utf8'))?.[1];
  if (own && (pkg === own || pkg.startsWith(`${own}/`))) return { kind: 'pass', reason: `'${pkg}' belongs to this module (${own}): a missing directory or a typo, not a dependency` };
  const envOut = await execTool('go', ['env', 'GOMODCACHE'], { cwd: dir, signal: env.signal, timeoutMs: 30_000 }).catch(() => undefined);
  const cache = envOut?.stdout.trim();
  if (!cache) return { kind: 'unfixable', reason: 'go env GOMODCACHE failed: is Go installed?' };
  const parts = pkg.split('/');
  for (let n = parts.length; n >= 1; n--) {
    const modulePath = parts.slice(0, n).join('/');
    const version = newest(await cachedVersions(cache, modulePath));
    if (!version) continue;
    const before = await readFile(goMod, 'utf8');
    const r = await execTool('go', ['get', `${modulePath}@${version}`], { cwd: dir, signal: env.signal, timeoutMs: 120_000, env: { GOPROXY: 'off', GOSUMDB: 'off', GOFLAGS: '-mod=mod' } });
    if (r.code !== 0) return { kind: 'unfixable', reason: `go get ${modulePath}@${version} (offline) failed: ${r.stderr.trim().split('\n').slice(-2).join(' ')}` };
    if ((await readFile(goMod, 'utf8')) === before) return { kind: 'unfixable', reason: `go get ${modulePath}@${version} left ${toWorktreeRelative(env.worktree, goMod)} unchanged` };
    return { kind: 'edited', summary: `required ${modulePath} ${version} in ${toWorktreeRelative(env.worktree, goMod)} (version from the local module cache, recorded with go get)` };
  }
  return { kind: 'unfixable', reason: `no module providing ${pkg} is in the local module cache and the Go proxy is not reachable from here: run go get ${pkg}` };
}
