import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execTool } from '../shared/exec.js';
import { packageNames } from '../shared/go-scope.js';
import { withGoTrees } from '../shared/syntax.js';

/** A package a file could import: where it is and what it exports. */
export interface GoPackage {
  importPath: string;
  /** The name its files declare (`package rand`): what a file refers to it by. */
  name: string;
  dir: string;
  /** Its non-test files for this platform (go list's GoFiles). */
  files: string[];
}

const LIST_FORMAT = '{{.ImportPath}}\t{{.Name}}\t{{.Dir}}\t{{join .GoFiles ","}}';

function parseList(stdout: string): GoPackage[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .filter((p) => p.length === 4 && p[1] !== '' && p[1] !== 'main')
    .map(([importPath, name, dir, files]) => ({ importPath: importPath!, name: name!, dir: dir!, files: files!.split(',').filter(Boolean) }));
}

/** `go list` with the module cache and proxy off: listing never downloads anything. */
async function goList(args: string[], cwd: string, signal: AbortSignal): Promise<string | undefined> {
  const r = await execTool('go', ['list', '-e', ...args], { cwd, signal, timeoutMs: 60_000, env: { GOPROXY: 'off' } });
  return r.code === 0 ? r.stdout : undefined;
}

/** The standard library's importable packages (`go list std` minus internal and vendored ones), once per process. */
let std: Promise<string[] | undefined> | undefined;
export function stdImportPaths(cwd: string, signal: AbortSignal): Promise<string[] | undefined> {
  std ??= goList(['std'], cwd, signal).then((out) =>
    out?.split('\n').filter((p) => p !== '' && !p.split('/').includes('internal') && !p.startsWith('vendor/')),
  );
  return std.then((paths) => {
    if (!paths) std = undefined; // a failed listing is retried next time
    return paths;
  });
}

/** Details of the given import paths (standard library candidates). */
export async function describePackages(importPaths: string[], cwd: string, signal: AbortSignal): Promise<GoPackage[]> {
  if (importPaths.length === 0) return [];
  return parseList((await goList(['-f', LIST_FORMAT, ...importPaths], cwd, signal)) ?? '');
}

/** Every package of the module rooted at `moduleDir`. */
export async function modulePackages(moduleDir: string, signal: AbortSignal): Promise<GoPackage[]> {
  return parseList((await goList(['-f', LIST_FORMAT, './...'], moduleDir, signal)) ?? '');
}

/** Exported top-level names of a package, read from its source (tree-sitter), grouped consts and vars included. */
export async function exportedNames(pkg: GoPackage): Promise<Set<string>> {
  const sources = await Promise.all(pkg.files.map((f) => readFile(path.join(pkg.dir, f), 'utf8')));
  const names = await withGoTrees(sources, (roots) => roots.flatMap(packageNames));
  return new Set(names.filter((n) => /^\p{Lu}/u.test(n)));
}

/** Go's internal rule: `a/b/internal/c` may be imported only from within `a/b`. */
export function internalAllowed(importPath: string, fromPath: string): boolean {
  const parts = importPath.split('/');
  const i = parts.lastIndexOf('internal');
  if (i < 0) return true;
  const parent = parts.slice(0, i).join('/');
  return parent === '' || fromPath === parent || fromPath.startsWith(`${parent}/`);
}
