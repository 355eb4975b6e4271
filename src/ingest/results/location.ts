import path from 'node:path';
import { repoRelative } from '../../events/paths.js';
import { repoFrames } from '../frames.js';
import type { ParseOptions } from '../types.js';

export interface Location {
  file?: string;
  line?: number;
  column?: number;
}

/**
 * A path printed by a tool, made repository-relative. Relative paths are taken relative to the
 * workspace package (`opts.package`) when there is one, since that is where runners are started.
 */
export function toRepoPath(p: string | undefined | null, opts: Pick<ParseOptions, 'repoRoot' | 'package'>): string | undefined {
  if (!p) return undefined;
  const s = p.replace(/\\/g, '/');
  if (/^([A-Za-z]:\/|\/|file:\/\/)/.test(s)) return repoRelative(s, opts.repoRoot);
  return repoRelative(opts.package ? path.posix.join(opts.package, s) : s, opts.repoRoot);
}

/**
 * Where a failing test should be looked at. With a known test file: that file, at the first stack frame
 * inside it (the failing statement). Without one: the first stack frame inside the repository.
 */
export function locate(stack: string | undefined, opts: Pick<ParseOptions, 'repoRoot' | 'package'>, testFile?: string): Location {
  const frames = stack ? repoFrames(stack, opts.repoRoot, opts.package) : [];
  if (testFile) {
    const inFile = frames.find((f) => f.file === testFile);
    return inFile ? { file: testFile, line: inFile.line, column: inFile.column } : { file: testFile };
  }
  const f = frames[0];
  return f ? { file: f.file, line: f.line, column: f.column } : {};
}
