import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { execTool } from '../shared/exec.js';
import { classAttributes, findClasses, moduleNames, OpenScope, PY_BUILTINS, pythonNamesAt } from './python-scope.js';
import { withTrees, type Node } from '../shared/syntax.js';
import type { SuggestEnv } from './types.js';

export type Names = { ok: true; names: Iterable<string> } | { ok: false; reason: string };

const IGNORE = ['**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/site-packages/**', '**/build/**', '**/dist/**', '**/__pycache__/**'];

function pythonFiles(env: SuggestEnv): Promise<string[]> {
  const key = 'py-files';
  if (!env.memo.has(key)) env.memo.set(key, glob('**/*.py', { cwd: env.worktree, ignore: IGNORE, absolute: true }));
  return env.memo.get(key) as Promise<string[]>;
}

function guard(run: () => Iterable<string>): Names {
  try {
    return { ok: true, names: run() };
  } catch (err) {
    if (err instanceof OpenScope) return { ok: false, reason: err.message };
    throw err;
  }
}

/** Names in scope at line/column (1-based) of a Python file. */
export async function namesInScope(text: string, line: number, column: number): Promise<Names> {
  return withTrees('python', [text], ([root]) => {
    const node = root!.descendantForPosition({ row: line - 1, column: column - 1 });
    if (!node) return { ok: false, reason: 'no syntax node at the position' } as Names;
    return guard(() => pythonNamesAt(node));
  });
}

/**
 * CPython's other NameError hint: inside a method, a name that is an attribute of the instance is
 * suggested as `self.<name>`. True when the enclosing function's first parameter is `self` and the
 * enclosing class (bases in the same file) surely has the attribute.
 */
export async function isSelfAttribute(text: string, line: number, column: number, name: string): Promise<boolean> {
  return withTrees('python', [text], ([root]) => {
    const node = root!.descendantForPosition({ row: line - 1, column: column - 1 });
    let fn: Node | null = node;
    while (fn && fn.type !== 'function_definition') fn = fn.parent;
    let cls: Node | null = fn?.parent ?? null;
    while (cls && cls.type !== 'class_definition' && cls.type !== 'function_definition') cls = cls.parent;
    if (!fn || !cls || cls.type !== 'class_definition') return false;
    const first = fn.childForFieldName('parameters')?.namedChildren[0];
    if (first?.type !== 'identifier' || first.text !== 'self') return false;
    const lookup = (base: string): Node | undefined => findClasses(root!, base)[0];
    try {
      return classAttributes(cls, lookup).has(name);
    } catch (err) {
      if (err instanceof OpenScope) return false;
      throw err;
    }
  });
}

/** Attributes of class `name`, defined once in the repository (bases resolved there too). */
export async function attributesOfClass(name: string, env: SuggestEnv): Promise<Names> {
  const defining: Array<{ file: string; text: string }> = [];
  for (const f of await pythonFiles(env)) {
    const text = await readFile(f, 'utf8');
    if (new RegExp(`^\\s*class\\s+${name}\\b`, 'm').test(text)) defining.push({ file: f, text });
  }
  if (defining.length === 0) {
    if (PY_BUILTINS.includes(name)) return runtimeDir(`builtins.${name}`, env);
    return { ok: false, reason: `class ${name} is not defined in the repository` };
  }
  if (defining.length > 1) return { ok: false, reason: `class ${name} is defined in ${defining.length} files: ambiguous` };
  // Base classes may live in other files: parse every file that defines a class (usually few).
  const others: string[] = [];
  for (const f of await pythonFiles(env)) {
    if (f === defining[0]!.file) continue;
    const text = await readFile(f, 'utf8');
    if (/^\s*class\s/m.test(text)) others.push(text);
  }
  return withTrees('python', [defining[0]!.text, ...others], (roots) => {
    const [cls, ...dupes] = findClasses(roots[0]!, name);
    if (!cls || dupes.length > 0) return { ok: false, reason: `class ${name} is defined more than once: ambiguous` } as Names;
    const lookup = (base: string): Node | undefined => {
      const found = roots.flatMap((r) => findClasses(r, base));
      return found.length === 1 ? found[0] : undefined;
    };
    return guard(() => classAttributes(cls, lookup));
  });
}

/** Top-level names of module `dotted`: parsed from the repository's file, else listed by the interpreter. */
export async function namesOfModule(dotted: string, env: SuggestEnv): Promise<Names> {
  const rel = dotted.split('.').join('/');
  const files = (await pythonFiles(env)).filter((f) => {
    const p = f.split(path.sep).join('/');
    return p.endsWith(`/${rel}.py`) || p.endsWith(`/${rel}/__init__.py`);
  });
  if (files.length > 1) return { ok: false, reason: `module ${dotted} matches ${files.length} files in the repository: ambiguous` };
  if (files.length === 1) {
    const text = await readFile(files[0]!, 'utf8');
    return withTrees('python', [text], ([root]) => guard(() => moduleNames(root!)));
  }
  return runtimeDir(dotted, env);
}

function pythonExecutable(worktree: string): string {
  for (const venv of ['.venv', 'venv']) {
    const p = path.join(worktree, venv, 'bin', 'python');
    if (existsSync(p)) return p;
  }
  return 'python3';
}

const DIR_SCRIPT = [
  'import builtins, importlib, json, sys',
  'name = sys.argv[1]',
  "obj = getattr(builtins, name.split('.', 1)[1]) if name.startswith('builtins.') else importlib.import_module(name)",
  'print(json.dumps(dir(obj)))',
].join('\n');

/**
 * For modules outside the repository (standard library, installed packages) the interpreter lists the
 * names, exactly as Python's own suggestion machinery would see them.
 */
async function runtimeDir(target: string, env: SuggestEnv): Promise<Names> {
  const r = await execTool(pythonExecutable(env.worktree), ['-c', DIR_SCRIPT, target], { cwd: env.worktree, signal: env.signal, timeoutMs: 30_000 }).catch(
    (err: Error) => ({ code: -1, stdout: '', stderr: err.message }),
  );
  if (r.code !== 0) return { ok: false, reason: `python could not list the names of ${target}: ${r.stderr.trim().split('\n').pop() ?? ''}` };
  return { ok: true, names: JSON.parse(r.stdout) as string[] };
}
