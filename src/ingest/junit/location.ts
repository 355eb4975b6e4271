import path from 'node:path';
import { findFrame, inRepo, testFrame } from '../xml/stack.js';
import type { Dialect } from './dialect.js';
import type { CaseDraft, Outcome } from './draft.js';
import { pytestPlace } from './pytest-ids.js';
import type { SourceLookup } from './sources.js';

export interface LocationContext {
  repoRoot: string;
  /** Workspace package directory, repository-relative: where relative paths in the report start. */
  baseDir: string | undefined;
  sources: SourceLookup;
}

export interface Location {
  file?: string;
  line?: number;
}

const GO_LINES = /^\s*(\S+\.go):(\d+)/gm;

/**
 * Where a test lives, in order: the case's own file/line attributes, the failure's, the producer's
 * convention (vitest's classname is the file, pytest's dotted classname is the module, Go's classname
 * is the package, Java's is the class), the suite's file; the line then comes from the first stack
 * frame in that file. Failing all of that, the first in-repository frame, preferring a test file.
 */
export function locate(draft: CaseDraft, primary: Outcome | undefined, dialect: Dialect, ctx: LocationContext, known?: string): Location {
  const stack = primary?.body ?? draft.output;

  // A file settled before (the JavaScript place, pytest's module made repository-relative): the line
  // comes from the case's own attribute, the failure's, or the first frame in that file.
  if (known !== undefined) {
    const line = draft.line !== undefined && (draft.file === undefined || rel(draft.file, ctx) === known || dialect === 'pytest') ? (dialect === 'pytest' ? draft.line + 1 : draft.line) : undefined;
    return withLine(known, line ?? (primary?.file === undefined ? primary?.line : undefined) ?? lineIn(stack, known, ctx), ctx);
  }
  if (draft.file) {
    const file = rel(draft.file, ctx);
    // pytest's `line` is 0-based (it writes item.location, which counts from 0).
    const line = draft.line !== undefined && dialect === 'pytest' ? draft.line + 1 : draft.line;
    if (file) return withLine(file, line ?? lineIn(stack, file, ctx), ctx);
  }
  if (primary?.file) {
    const file = rel(primary.file, ctx);
    if (file) return withLine(file, primary.line ?? lineIn(stack, file, ctx), ctx);
  }
  const conventional = conventionalFile(draft, dialect, stack, ctx);
  if (conventional?.file) return withLine(conventional.file, conventional.line ?? lineIn(stack, conventional.file, ctx), ctx);
  // Go prints bare file names; without go.mod to place the package they are no location.
  if (dialect === 'go') return {};
  const suiteFile = rel(draft.suite.file, ctx);
  if (suiteFile) return withLine(suiteFile, lineIn(stack, suiteFile, ctx), ctx);
  if (!stack) return {};
  const frame = testFrame(stack, ctx.repoRoot, ctx.baseDir);
  return frame?.repoFile ? withLine(frame.repoFile, frame.line, ctx) : {};
}

function rel(p: string | undefined, ctx: LocationContext): string | undefined {
  return p ? inRepo(p, ctx.repoRoot, ctx.baseDir) : undefined;
}

function withLine(file: string, line: number | undefined, _ctx?: LocationContext): Location {
  return line !== undefined && line > 0 ? { file, line } : { file };
}

function lineIn(stack: string | undefined, file: string, ctx: LocationContext): number | undefined {
  return findFrame(stack, ctx.repoRoot, ctx.baseDir, (f) => f.repoFile === file)?.line;
}

function conventionalFile(draft: CaseDraft, dialect: Dialect, stack: string | undefined, ctx: LocationContext): Location | undefined {
  const classname = draft.classname;
  switch (dialect) {
    case 'vitest': {
      const file = classname ? inRepo(classname, ctx.repoRoot, ctx.baseDir) : undefined;
      return file ? { file } : undefined;
    }
    case 'pytest': {
      const place = pytestPlace(classname, draft.name, undefined);
      const file = place ? inRepo(place.file, ctx.repoRoot, ctx.baseDir) : undefined;
      return file ? { file } : undefined;
    }
    case 'go':
      return goLocation(classname || draft.suite.name, stack, ctx);
    case 'surefire':
    case 'junit': {
      if (!classname || !/^[\w$]+(\.[\w$]+)+$/.test(classname)) return undefined;
      const outer = classname.split('$')[0]!;
      const frame = findFrame(stack, ctx.repoRoot, ctx.baseDir, (f) => f.func !== undefined && f.func.startsWith(outer + '.'));
      const found = ctx.sources.javaFile(classname, frame && !frame.raw.includes('/') ? frame.raw : undefined);
      if (!found) return undefined;
      const file = inRepo(ctx.baseDir ? path.posix.join(ctx.baseDir, found) : found, ctx.repoRoot, undefined);
      return file ? { file, line: frame?.line } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Go output names files three ways: `calc_test.go:14` (the test's package directory), `pkg/x.go:6:5`
 * (build errors, from the module root) and absolute paths (panics). The last one inside the repository
 * is where the test stopped (t.Fatal, the last t.Error, the test's own frame in a panic).
 */
function goLocation(pkg: string | undefined, stack: string | undefined, ctx: LocationContext): Location | undefined {
  if (!stack) return undefined;
  const dir = pkg ? ctx.sources.goPackageDir(pkg) : undefined;
  let found: Location | undefined;
  for (const m of stack.matchAll(GO_LINES)) {
    const printed = m[1]!;
    let file: string | undefined;
    if (printed.startsWith('/')) file = inRepo(printed, ctx.repoRoot, undefined);
    else if (printed.includes('/')) file = inRepo(path.posix.join(ctx.baseDir ?? '', printed), ctx.repoRoot, undefined);
    else if (dir !== undefined) file = inRepo(path.posix.join(ctx.baseDir ?? '', dir, printed), ctx.repoRoot, undefined);
    if (file) found = { file, line: Number(m[2]) };
  }
  return found;
}
