import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { FailureEvent } from '../../events/index.js';
import { eventLocations, mapFrameFile, type SourceLocation } from './locations.js';
import { isInside, toWorktreeRelative } from './worktree-path.js';

const DIAG_LINE = /^(?:vet: )?(\S+\.go):(\d+):(\d+): (.*)$/;

/**
 * The exact position of a Go compiler diagnostic. Build failures read from `go test` output carry the
 * compiler's lines in `stack` (paths relative to the package directory, `./x.go`) and the package's
 * import path in `suite`; the directory is found through the worktree's go.mod files.
 */
export async function goDiagnosticLocation(event: FailureEvent, worktree: string): Promise<SourceLocation | undefined> {
  const own = eventLocations(event, worktree).find((l) => l.from === 'event' && l.column !== undefined);
  if (own) return own;
  const hits = (event.stack ?? '')
    .split('\n')
    .map((l) => DIAG_LINE.exec(l.trim()))
    .filter((m): m is RegExpExecArray => !!m && m[4]!.trim() === event.message.trim());
  // The same message in several files (`undefined: strings` twice): the test id names the file (`go:<pkg>/<file>::<message>`).
  const hit = hits.length > 1 ? (hits.find((m) => event.test_id.includes(`/${path.basename(m[1]!)}::`)) ?? hits[0]) : hits[0];
  if (!hit) return undefined;
  const [, rel, line, column] = hit;
  const abs = await resolveGoFile(rel!, event.suite, worktree);
  if (!abs) return undefined;
  return { file: toWorktreeRelative(worktree, abs), abs, line: Number(line), column: Number(column), from: 'event' };
}

async function resolveGoFile(rel: string, importPath: string | undefined, worktree: string): Promise<string | undefined> {
  if (path.isAbsolute(rel)) return mapFrameFile(rel, worktree);
  const dir = importPath ? await packageDir(importPath, worktree) : undefined;
  for (const base of [dir, worktree]) {
    if (!base) continue;
    const p = path.resolve(base, rel);
    if (isInside(worktree, p) && existsSync(p)) return p;
  }
  return undefined;
}

/** The directory of a package, from the go.mod whose module path prefixes its import path. */
async function packageDir(importPath: string, worktree: string): Promise<string | undefined> {
  const mods = await glob('**/go.mod', { cwd: worktree, absolute: true, ignore: ['**/vendor/**', '**/node_modules/**', '**/.git/**'] });
  let best: { dir: string; len: number } | undefined;
  for (const mod of mods) {
    const module = /^module\s+(\S+)/m.exec(await readFile(mod, 'utf8'))?.[1];
    if (!module || !(importPath === module || importPath.startsWith(`${module}/`))) continue;
    if (best && best.len >= module.length) continue;
    best = { dir: path.join(path.dirname(mod), importPath.slice(module.length)), len: module.length };
  }
  return best?.dir;
}
