import type { TestFileIndex } from '../results/test-files.js';
import type { Dialect } from './dialect.js';
import type { CaseDraft } from './draft.js';

/**
 * Where a JavaScript test case lives, as its framework's JSON report says it: the test file and the
 * titles (describe path and test title). JUnit reporters lose some of that, so it is rebuilt here in
 * the way that gives the test the same id as in the JSON (or TAP) report of the same run:
 *
 * - jest-junit writes the full name (titles joined by spaces) and, by default, no file: the file is
 *   the one test file whose string literals spell the full name, and that spelling gives the titles.
 * - mocha-junit-reporter writes `fullTitle()` and the title; its root suite has no file (found as for jest).
 *   mocha's own JSON keeps no describe structure either, so both give `<describe titles> > <title>`.
 * - node:test (Node 20) writes the describe nesting but no file at all: found from the titles.
 * - bun writes everything: the file on each case, describes as nested suites under a file suite.
 * - vitest writes the file as classname and the titles joined by " > " as name.
 */
export interface JsPlace {
  file: string | undefined;
  /** Outermost first; the last is the test's own title. */
  titles: string[];
  /** What the framework's name filter matches (jest/bun -t, mocha --grep): titles joined by spaces. */
  fullName: string;
}

export interface JsPlaceContext {
  tests: TestFileIndex;
  /** Makes a path from the report repository-relative (undefined outside the repository). */
  rel: (file: string | undefined) => string | undefined;
  /** vitest's classname (the test file) made repository-relative, memoised: cases come in runs. */
  vitestFile: (classname: string | undefined) => string | undefined;
  /** `<that file>::`, the id's prefix, from the same memo (one concatenation per case, not two). */
  vitestPrefix: () => string | undefined;
}

export const JS_DIALECTS: ReadonlySet<Dialect> = new Set(['jest', 'vitest', 'mocha', 'node', 'bun']);

const SCRIPT_PATH = /^[^\s]*\.[cm]?[jt]sx?$/;

export function jsPlace(draft: CaseDraft, dialect: Dialect, name: string, ctx: JsPlaceContext): JsPlace {
  switch (dialect) {
    case 'vitest': {
      const titles = name.indexOf(' > ') === -1 ? [name] : name.split(' > ');
      return { file: ctx.vitestFile(draft.classname) ?? ctx.rel(draft.file), titles, fullName: titles.length === 1 ? name : titles.join(' ') };
    }
    case 'jest':
      return jestPlace(draft, name, ctx);
    case 'mocha':
      return mochaPlace(draft, name, ctx);
    case 'bun': {
      const file = ctx.rel(draft.file ?? draft.suite.file);
      // bun nests describes under a suite named after the file.
      const path = draft.suite.path.filter((p, i) => !(i === 0 && (p === draft.suite.file || p === draft.file || SCRIPT_PATH.test(p))));
      const titles = [...path, name];
      return { file, titles, fullName: titles.join(' ') };
    }
    default: {
      const titles = [...draft.suite.path, name];
      const file = ctx.rel(draft.file ?? draft.suite.file) ?? ctx.tests.byTitles(titles);
      return { file, titles, fullName: titles.join(' ') };
    }
  }
}

function jestPlace(draft: CaseDraft, name: string, ctx: JsPlaceContext): JsPlace {
  const cls = draft.classname?.trim() ?? '';
  let file = ctx.rel(draft.file ?? draft.suite.file);
  let full = name;
  // Default templates: classname and name are both "{classname} {title}" (the full name). Other set-ups
  // put the describe path ("{classname}") or the file ("{filepath}") in classname and the title in name.
  if (cls !== '' && cls !== name && !name.startsWith(`${cls} `)) {
    if (SCRIPT_PATH.test(cls)) file ??= ctx.rel(cls);
    else full = `${cls} ${name}`;
  }
  if (file !== undefined) {
    const titles = ctx.tests.byFullName(full, [file])?.titles ?? [full];
    return { file, titles, fullName: full };
  }
  const found = ctx.tests.byFullName(full);
  return found ? { file: found.file, titles: found.titles, fullName: full } : { file: undefined, titles: [full], fullName: full };
}

function mochaPlace(draft: CaseDraft, name: string, ctx: JsPlaceContext): JsPlace {
  // name = fullTitle() and classname = title by default; testCaseSwitchClassnameAndName swaps them.
  const cls = draft.classname?.trim() ?? '';
  const [full, title] = cls.length > name.length && cls.endsWith(name) ? [cls, name] : [name, cls !== '' && name.endsWith(cls) ? cls : name];
  const describes = full.slice(0, full.length - title.length).trim();
  const titles = describes ? [describes, title] : [title];
  const file = ctx.rel(draft.file ?? draft.suite.file) ?? ctx.tests.byFullName(full)?.file;
  return { file, titles, fullName: full };
}

export function jsTestId(place: JsPlace): string {
  const path = place.titles.join(' > ');
  return place.file ? `${place.file}::${path}` : path;
}
