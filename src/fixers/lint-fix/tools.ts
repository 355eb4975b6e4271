import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FailureEvent } from '../../events/index.js';
import { findOnPath, findProjectBin } from '../shared/find-bin.js';

/** One formatter/linter whose own fixer suture runs on the files a failure names. */
export interface LintTool {
  id: string;
  /** Files (as the tool printed them, relative to `baseDir`) this event asks the tool to fix; undefined: not its event. */
  filesOf(event: FailureEvent): string[] | undefined;
  /** The fixing command for these absolute files, or why it cannot run. */
  command(files: string[], cwd: string, worktree: string): Promise<{ argv: string[] } | { missing: string }>;
  /** Exit codes that mean "ran" (linters exit 1 when unfixable problems remain). */
  okCodes: number[];
}

const text = (e: FailureEvent): string => `${e.message}\n${e.stack ?? ''}`;
const own = (e: FailureEvent, framework: RegExp): string[] | undefined => (framework.test(e.framework) && e.file ? [e.file] : undefined);

/** Paths a check printed one per line after a marker ("[warn] src/a.ts", "would reformat x.py"). */
function listed(e: FailureEvent, re: RegExp): string[] | undefined {
  const files = [...text(e).matchAll(re)].map((m) => m[1]!.trim()).filter((f) => !/\s/.test(f));
  return files.length ? [...new Set(files)] : undefined;
}

async function nodeBin(name: string, cwd: string, worktree: string): Promise<{ argv: string[] } | { missing: string }> {
  const bin = await findProjectBin(name, cwd, worktree);
  return bin ? { argv: [bin] } : { missing: `${name} is not installed in the project (node_modules/.bin) nor on PATH` };
}

async function pythonBin(name: string, cwd: string, worktree: string): Promise<{ argv: string[] } | { missing: string }> {
  for (let dir = cwd; dir.startsWith(worktree); dir = path.dirname(dir)) {
    for (const venv of ['.venv', 'venv']) {
      const p = path.join(dir, venv, 'bin', name);
      if (existsSync(p)) return { argv: [p] };
    }
    if (dir === worktree) break;
  }
  const onPath = await findOnPath(name);
  return onPath ? { argv: [onPath] } : { missing: `${name} is not installed (no .venv/bin/${name}, not on PATH)` };
}

const withArgs = (r: { argv: string[] } | { missing: string }, args: string[]): { argv: string[] } | { missing: string } =>
  'missing' in r ? r : { argv: [...r.argv, ...args] };

export const lintTools: LintTool[] = [
  {
    id: 'eslint',
    filesOf: (e) => own(e, /^eslint$/),
    command: async (files, cwd, wt) => withArgs(await nodeBin('eslint', cwd, wt), ['--fix', '--no-warn-ignored', ...files]),
    okCodes: [0, 1],
  },
  {
    id: 'prettier',
    filesOf: (e) => own(e, /^prettier$/) ?? listed(e, /^\s*\[warn\] (?!Code style issues)(\S.*)$/gm),
    command: async (files, cwd, wt) => withArgs(await nodeBin('prettier', cwd, wt), ['--write', ...files]),
    okCodes: [0],
  },
  {
    id: 'ruff-format',
    filesOf: (e) => own(e, /^ruff-format$/) ?? listed(e, /^\s*Would reformat: (\S+)$/gm),
    command: async (files, cwd, wt) => withArgs(await pythonBin('ruff', cwd, wt), ['format', ...files]),
    okCodes: [0],
  },
  {
    id: 'ruff',
    filesOf: (e) => own(e, /^ruff$/),
    command: async (files, cwd, wt) => withArgs(await pythonBin('ruff', cwd, wt), ['check', '--fix', ...files]),
    okCodes: [0, 1],
  },
  {
    id: 'black',
    filesOf: (e) => own(e, /^black$/) ?? listed(e, /^\s*would reformat (\S+\.pyi?)$/gm),
    command: async (files, cwd, wt) => withArgs(await pythonBin('black', cwd, wt), ['--quiet', ...files]),
    okCodes: [0],
  },
  {
    id: 'gofmt',
    filesOf: (e) => own(e, /^gofmt$/) ?? (/is not `?gofmt`?-ed/.test(e.message) && e.file ? [e.file] : undefined),
    command: async (files) => {
      const bin = await findOnPath('gofmt');
      return bin ? { argv: [bin, '-w', ...files] } : { missing: 'gofmt is not on PATH (install Go)' };
    },
    okCodes: [0],
  },
];

export function toolFor(event: FailureEvent): { tool: LintTool; files: string[] } | undefined {
  for (const tool of lintTools) {
    const files = tool.filesOf(event);
    if (files?.length) return { tool, files };
  }
  return undefined;
}
