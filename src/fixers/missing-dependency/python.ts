import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { glob } from 'tinyglobby';
import { execTool } from '../shared/exec.js';
import { isTestFile } from '../shared/language.js';
import { isInside, toWorktreeRelative } from '../shared/worktree-path.js';
import type { MissingModule } from './specifier.js';
import type { DependencyOutcome, ResolveEnv } from './types.js';

const LOOKUP = [
  'import importlib.metadata as md, json, sys',
  'top = sys.argv[1]',
  'dists = sorted(set(md.packages_distributions().get(top, [])))',
  "print(json.dumps({'stdlib': top in sys.stdlib_module_names, 'dists': {d: md.version(d) for d in dists}}))",
].join('\n');

/** PEP 503 normalised name, for comparing requirement lines. */
const norm = (n: string): string => n.toLowerCase().replace(/[-_.]+/g, '-');

function pythonFor(worktree: string): string {
  for (const v of ['.venv', 'venv']) if (existsSync(path.join(worktree, v, 'bin', 'python'))) return path.join(worktree, v, 'bin', 'python');
  return 'python3';
}

/**
 * Python has no offline index (PyPI is unreachable here), so a module is resolved only through a local
 * source: the distribution installed in the project's interpreter that provides it
 * (importlib.metadata.packages_distributions). Otherwise unfixable, saying so.
 */
export async function resolvePython(mod: MissingModule, importer: string | undefined, env: ResolveEnv): Promise<DependencyOutcome> {
  const top = mod.specifier.split('.')[0]!;
  const local = await glob([`**/${top}.py`, `**/${top}/__init__.py`], { cwd: env.worktree, ignore: ['**/.venv/**', '**/venv/**', '**/node_modules/**', '**/site-packages/**'] });
  if (local.length) return { kind: 'pass', reason: `'${top}' is a module of this repository (${local[0]}): an import path problem, not a missing dependency` };
  const r = await execTool(pythonFor(env.worktree), ['-c', LOOKUP, top], { cwd: env.worktree, signal: env.signal, timeoutMs: 60_000 }).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message, timedOut: false }));
  if (r.code !== 0) return { kind: 'unfixable', reason: `python could not be asked which distribution provides '${top}': ${r.stderr.trim().split('\n').pop()}` };
  const found = JSON.parse(r.stdout) as { stdlib: boolean; dists: Record<string, string> };
  if (found.stdlib) return { kind: 'unfixable', reason: `'${top}' is a standard-library module: nothing to declare` };
  const dists = Object.entries(found.dists);
  if (dists.length === 0) return { kind: 'unfixable', reason: `no installed distribution provides module '${top}' and PyPI is not reachable from here to look it up: declare the right distribution by hand (or is '${top}' misspelt?)` };
  if (dists.length > 1) return { kind: 'unfixable', reason: `module '${top}' is provided by ${dists.map(([d]) => d).join(', ')}: ambiguous` };
  const [dist, version] = dists[0]!;
  const dev = importer !== undefined && isTestFile(toWorktreeRelative(env.worktree, importer));
  return addRequirement(dist, version, importer ? path.dirname(importer) : env.worktree, dev, env);
}

async function addRequirement(dist: string, version: string, from: string, dev: boolean, env: ResolveEnv): Promise<DependencyOutcome> {
  for (let dir = from; isInside(env.worktree, dir); dir = path.dirname(dir)) {
    const reqNames = dev ? ['requirements-dev.txt', 'dev-requirements.txt', 'requirements/dev.txt', 'requirements.txt'] : ['requirements.txt'];
    for (const name of reqNames) {
      const file = path.join(dir, name);
      if (existsSync(file)) return addToRequirementsTxt(file, dist, version, env.worktree);
    }
    const pyproject = path.join(dir, 'pyproject.toml');
    if (existsSync(pyproject)) return addToPyproject(pyproject, dist, version, env.worktree);
    if (dir === env.worktree) break;
  }
  return { kind: 'unfixable', reason: `no requirements.txt or pyproject.toml to declare ${dist} in` };
}

async function addToRequirementsTxt(file: string, dist: string, version: string, worktree: string): Promise<DependencyOutcome> {
  const text = await readFile(file, 'utf8');
  const rel = toWorktreeRelative(worktree, file);
  if (text.split('\n').some((l) => norm(/^\s*([A-Za-z0-9][\w.-]*)/.exec(l)?.[1] ?? '') === norm(dist))) {
    return { kind: 'unfixable', reason: `${dist} is already in ${rel} but not installed: install the requirements; no code change fixes that` };
  }
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  return { kind: 'edit', file, text: `${text}${sep}${dist}==${version}\n`, summary: `added ${dist}==${version} to ${rel} (the version installed locally provides the module)` };
}

async function addToPyproject(file: string, dist: string, version: string, worktree: string): Promise<DependencyOutcome> {
  const text = await readFile(file, 'utf8');
  const rel = toWorktreeRelative(worktree, file);
  const doc = parseToml(text) as { project?: { dependencies?: string[] } };
  const deps = doc.project?.dependencies;
  if (!deps) return { kind: 'unfixable', reason: `${rel} has no [project] dependencies array to add ${dist} to` };
  if (deps.some((d) => norm(/^\s*([A-Za-z0-9][\w.-]*)/.exec(d)?.[1] ?? '') === norm(dist))) {
    return { kind: 'unfixable', reason: `${dist} is already declared in ${rel} but not installed: install the project; no code change fixes that` };
  }
  // Edit the text (not a re-serialisation) so comments and layout survive: insert before the array's `]`.
  const lines = text.split('\n');
  const header = lines.findIndex((l) => /^\s*\[project\]\s*$/.test(l));
  const start = lines.findIndex((l, i) => i > header && /^\s*dependencies\s*=\s*\[/.test(l));
  if (header < 0 || start < 0) return { kind: 'unfixable', reason: `could not find [project].dependencies in ${rel}` };
  const entry = `"${dist}>=${version}"`;
  if (/\]\s*(#.*)?$/.test(lines[start]!)) {
    lines[start] = lines[start]!.replace(/\[\s*(.*?)\s*\]/, (_m, inner: string) => `[${inner ? `${inner.replace(/,\s*$/, '')}, ` : ''}${entry}]`);
  } else {
    const end = lines.findIndex((l, i) => i > start && /^\s*\]/.test(l));
    const indent = /^(\s*)/.exec(lines[start + 1] ?? '')?.[1] || '    ';
    if (end > start + 1 && !/,\s*(#.*)?$/.test(lines[end - 1]!)) lines[end - 1] = lines[end - 1]!.replace(/(\s*(#.*)?)$/, ',$1');
    lines.splice(end, 0, `${indent}${entry},`);
  }
  return { kind: 'edit', file, text: lines.join('\n'), summary: `added ${entry} to [project].dependencies in ${rel} (the version installed locally provides the module)` };
}
