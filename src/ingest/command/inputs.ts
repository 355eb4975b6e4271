import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError, UsageError } from '../../errors.js';

export type IngestInput = { kind: 'file'; path: string; display: string } | { kind: 'stdin'; display: 'stdin' };

/**
 * Turns the command's arguments into inputs, in the order given: `-` is stdin, globs are expanded
 * (sorted, files only), anything else is a path taken as is (a missing one fails on its own later).
 */
export async function expandInputs(args: string[], cwd: string): Promise<IngestInput[]> {
  if (args.length === 0) throw new UsageError('no input given', { code: 'E_NO_INPUT', hint: 'Pass report files, globs (e.g. "reports/**/*.xml") or - for stdin.' });
  if (args.filter((a) => a === '-').length > 1) throw new UsageError('stdin (-) given more than once', { code: 'E_STDIN_TWICE' });
  const out: IngestInput[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    if (arg === '-') {
      out.push({ kind: 'stdin', display: 'stdin' });
      continue;
    }
    if (isDynamicPattern(arg)) {
      const matches = (await glob([arg], { cwd, onlyFiles: true, dot: false, expandDirectories: false })).sort();
      if (!matches.length) throw new InputError(`${arg}: the pattern matches no file`, { code: 'E_NO_MATCH', hint: 'Quote globs so the shell does not expand them, and check the path is relative to the current directory.' });
      for (const m of matches) add(m);
      continue;
    }
    add(arg);
  }
  return out;

  function add(p: string): void {
    const abs = path.resolve(cwd, p);
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ kind: 'file', path: abs, display: p });
  }
}
