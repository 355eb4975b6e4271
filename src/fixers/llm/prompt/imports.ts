import { stat } from 'node:fs/promises';
import path from 'node:path';

const JS_SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
const JS_EXT = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js'];
const PY_FROM = /^\s*from\s+(\.*[\w.]*)\s+import\s+([\w\s,()]+)/gm;
const PY_IMPORT = /^\s*import\s+([\w.]+(?:\s*,\s*[\w.]+)*)/gm;

/**
 * Repository files a test file imports by a relative path (JS/TS) or as a local module (Python):
 * where the code under test usually lives when the stack only shows the assertion.
 */
export async function localImports(worktree: string, file: string, text: string): Promise<string[]> {
  const dir = path.posix.dirname(file);
  const out: string[] = [];
  const push = (p: string | undefined) => {
    if (p && p !== file && !out.includes(p)) out.push(p);
  };
  if (/\.[cm]?[jt]sx?$/.test(file)) {
    for (const m of text.matchAll(JS_SPEC)) push(await firstFile(worktree, jsCandidates(path.posix.join(dir, m[1]!))));
  } else if (file.endsWith('.py')) {
    for (const m of text.matchAll(PY_FROM)) {
      const mod = m[1]!;
      push(await firstFile(worktree, pyCandidates(dir, mod)));
      // `from pkg import module` imports a module as a name.
      for (const name of m[2]!.replace(/[()]/g, '').split(',').map((s) => s.trim().split(/\s+/)[0]!).filter(Boolean)) {
        push(await firstFile(worktree, pyCandidates(dir, `${mod}${mod.endsWith('.') || mod === '' ? '' : '.'}${name}`)));
      }
    }
    for (const m of text.matchAll(PY_IMPORT)) for (const mod of m[1]!.split(',').map((s) => s.trim())) push(await firstFile(worktree, pyCandidates(dir, mod)));
  }
  return out;
}

function jsCandidates(spec: string): string[] {
  const base = path.posix.normalize(spec);
  const out = JS_EXT.map((e) => base + e);
  // NodeNext imports name the compiled file: './x.js' is './x.ts' in the source.
  const m = /^(.*)\.([cm]?)js$/.exec(base);
  if (m) out.unshift(`${m[1]}.${m[2]}ts`, `${m[1]}.tsx`);
  return out;
}

function pyCandidates(dir: string, mod: string): string[] {
  const dots = /^\.*/.exec(mod)![0].length;
  const parts = mod.slice(dots).split('.').filter(Boolean);
  if (parts.length === 0) return [];
  const rel = parts.join('/');
  const bases = dots > 0 ? [path.posix.join(dir, ...Array(dots - 1).fill('..'))] : [dir, '.', 'src'];
  return bases.flatMap((b) => [path.posix.join(b, `${rel}.py`), path.posix.join(b, rel, '__init__.py')]);
}

async function firstFile(worktree: string, candidates: string[]): Promise<string | undefined> {
  for (const c of candidates) {
    if (c.startsWith('..')) continue;
    try {
      if ((await stat(path.join(worktree, c))).isFile()) return c;
    } catch {
      /* next */
    }
  }
  return undefined;
}
