import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds the test file of a test whose report does not name it. jest-junit (by default), node:test's
 * JUnit and TAP (Node 20) and mocha-junit-reporter's root suite give a test's titles but not its file,
 * while the JSON reports of the same runs do; a test_id must not depend on the format, nor on whether
 * the test failed (a stack names the file only then). So the file comes from the repository: the one
 * test file whose string literals hold the test's titles. Nothing else is read, answers are cached for
 * one report, and an ambiguous or missing match gives no file rather than a guess.
 *
 * Why hand-written: this needs only the string literals of test files, and a JavaScript parser per file
 * would cost far more than the quoted-string scan below for the same answer on test titles.
 */

const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out', 'target', 'vendor', 'venv', '__pycache__', 'bower_components', 'jspm_packages']);
const SCRIPT = /\.[cm]?[jt]sx?$/;
// jest/vitest/mocha/bun/node:test defaults: *.test.js, *.spec.ts, __tests__/, test/ and tests/ folders, *-test.js, *_test.js, test-*.js, test.js.
const TEST_NAME = /[._-](test|spec)s?\.[cm]?[jt]sx?$|^test[-_.]|^tests?\.[cm]?[jt]sx?$/i;
const TEST_DIR = /(^|\/)(tests?|__tests__|specs?)\//i;
const PYTHON_TEST = /(^|\/)(test_[^/]*|[^/]*_test)\.py$/;

/** Limits of one repository walk: past any of them the index is incomplete and resolves nothing. */
const MAX_ENTRIES = 200_000;
const MAX_FILES = 20_000;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_TOTAL_BYTES = 96 * 1024 * 1024;
const MAX_LITERAL = 1000;
/** Words of a full name tried for segmentation (jest-junit's space-joined names). */
const MAX_WORDS = 80;

// A quoted string on one line ('...' or "..."), or a template literal without substitutions.
const LITERAL = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\[^]|\$(?!\{))*)`/g;
const ESCAPE = /\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[^])/g;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

function unescape(s: string): string {
  if (s.indexOf('\\') === -1) return s;
  return s.replace(ESCAPE, (_, e: string) => {
    if (e[0] === 'u' || e[0] === 'x') {
      const hex = e[1] === '{' ? e.slice(2, -1) : e.slice(1);
      const code = Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : e;
    }
    if (e === '\n') return '';
    return SIMPLE_ESCAPES[e] ?? e;
  });
}

/** The string literals of one source file (test titles among them). */
export function stringLiterals(source: string): Set<string> {
  const out = new Set<string>();
  LITERAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LITERAL.exec(source)) !== null) {
    const raw = m[1] ?? m[2] ?? m[3] ?? '';
    if (raw.length === 0 || raw.length > MAX_LITERAL) continue;
    out.add(unescape(raw).trim());
  }
  return out;
}

/**
 * Literals of the test files read so far in this process, by path, with the size and modification
 * time they were read at: a loop that parses a report after every test run re-reads only the files
 * that changed (each report still walks the tree, so new and deleted files are seen).
 */
const LITERAL_CACHE_MAX = 20_000;
const literalCache = new Map<string, { size: number; mtimeMs: number; literals: Set<string> }>();

function literalsOf(file: string, st: fs.Stats): Set<string> {
  const known = literalCache.get(file);
  if (known !== undefined && known.size === st.size && known.mtimeMs === st.mtimeMs) return known.literals;
  const literals = stringLiterals(fs.readFileSync(file, 'utf8'));
  if (literalCache.size >= LITERAL_CACHE_MAX) literalCache.clear();
  literalCache.set(file, { size: st.size, mtimeMs: st.mtimeMs, literals });
  return literals;
}

export class TestFileIndex {
  /** Repository-relative script test files. */
  private readonly scripts: string[] = [];
  /** Literal -> indexes into `scripts` of the files containing it. */
  private readonly literals = new Map<string, number[]>();
  private readonly pythonFiles: string[] = [];
  private complete = true;
  private built = false;
  private readonly memo = new Map<string, ResolvedTest | null>();

  constructor(
    private readonly repoRoot: string,
    /** Repository-relative directory to search (a workspace package), '' for the whole repository. */
    private readonly under: string,
  ) {}

  /** The one script test file whose literals hold every title, or undefined when none or several do. */
  byTitles(titles: readonly string[]): string | undefined {
    const clean = titles.map((t) => t.trim()).filter((t) => t !== '');
    if (clean.length === 0) return undefined;
    const key = `t\u0000${clean.join('\u0000')}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known?.file;
    this.build();
    let files: number[] | undefined;
    for (const t of clean) {
      const with_ = this.literals.get(t);
      if (!with_) {
        files = [];
        break;
      }
      files = files === undefined ? with_ : files.filter((f) => with_.includes(f));
      if (files.length === 0) break;
    }
    const found = this.complete && files?.length === 1 ? { file: this.scripts[files[0]!]!, titles: clean } : null;
    this.memo.set(key, found);
    return found?.file;
  }

  /**
   * A space-joined full name (jest's `fullName`, what jest-junit writes) split back into its titles:
   * the one script test file in which the name splits into string literals, and that split (fewest
   * titles when one file allows several). `first` is a title the split must start with (jest-junit's
   * suite name is the first describe of the file's first test) when known.
   */
  byFullName(fullName: string, files?: readonly string[]): ResolvedTest | undefined {
    const words = fullName.trim().split(' ');
    if (words.length === 0 || words.length > MAX_WORDS || words[0] === '') return undefined;
    const key = `f\u0000${fullName}\u0000${files?.join('\u0000') ?? ''}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known ?? undefined;
    this.build();
    const allowed = files ? new Set(files.map((f) => this.scripts.indexOf(f)).filter((i) => i !== -1)) : undefined;
    // best[i] = per file, the fewest literals that spell words[0..i).
    const best: Map<number, string[]>[] = Array.from({ length: words.length + 1 }, () => new Map());
    for (let start = 0; start < words.length; start++) {
      const reached = start === 0 ? undefined : best[start]!;
      if (reached !== undefined && reached.size === 0) continue;
      let piece = '';
      for (let end = start + 1; end <= words.length; end++) {
        piece = piece === '' ? words[end - 1]! : `${piece} ${words[end - 1]}`;
        const holders = this.literals.get(piece);
        if (!holders) continue;
        for (const f of holders) {
          if (allowed && !allowed.has(f)) continue;
          const before = reached === undefined ? [] : reached.get(f);
          if (before === undefined) continue;
          const path_ = [...before, piece];
          const prev = best[end]!.get(f);
          if (prev === undefined || path_.length < prev.length) best[end]!.set(f, path_);
        }
      }
    }
    const done = best[words.length]!;
    const found = this.complete && done.size === 1 ? [...done].map(([f, titles]) => ({ file: this.scripts[f]!, titles }))[0]! : null;
    this.memo.set(key, found);
    return found ?? undefined;
  }

  /** The titles of a full name inside a known file (mocha's fullTitle), or undefined. */
  splitIn(file: string, fullName: string): string[] | undefined {
    this.build();
    if (!this.scripts.includes(file)) return undefined;
    return this.byFullName(fullName, [file])?.titles;
  }

  /** pytest: the one Python test file whose repository path ends with `/<rel>` (rootdir-relative path). */
  bySuffix(rel: string): string | undefined {
    const key = `p\u0000${rel}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known?.file;
    this.build();
    const hits = this.pythonFiles.filter((f) => f === rel || f.endsWith(`/${rel}`));
    const found = this.complete && hits.length === 1 ? { file: hits[0]!, titles: [] } : null;
    this.memo.set(key, found);
    return found?.file;
  }

  private build(): void {
    if (this.built) return;
    this.built = true;
    const root = path.join(this.repoRoot, this.under);
    let entries = 0;
    let bytes = 0;
    const stack: string[] = [''];
    while (stack.length) {
      const rel = stack.pop()!;
      let list: fs.Dirent[];
      try {
        list = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
      } catch {
        if (rel === '') return; // no repository here (a report read elsewhere): nothing to find
        continue;
      }
      list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const d of list) {
        if (++entries > MAX_ENTRIES) return this.incomplete();
        const child = rel ? `${rel}/${d.name}` : d.name;
        if (d.isDirectory()) {
          if (!d.name.startsWith('.') && !SKIP_DIRS.has(d.name)) stack.push(child);
          continue;
        }
        if (!d.isFile()) continue;
        const repoPath = this.under ? `${this.under}/${child}` : child;
        if (PYTHON_TEST.test(child)) {
          this.pythonFiles.push(repoPath);
          continue;
        }
        if (!SCRIPT.test(d.name) || !(TEST_NAME.test(d.name) || TEST_DIR.test(child))) continue;
        if (this.scripts.length >= MAX_FILES) return this.incomplete();
        let literals: Set<string>;
        try {
          const full = path.join(root, child);
          const st = fs.statSync(full);
          if (st.size > MAX_FILE_BYTES) continue;
          bytes += st.size;
          if (bytes > MAX_TOTAL_BYTES) return this.incomplete();
          literals = literalsOf(full, st);
        } catch {
          continue;
        }
        const idx = this.scripts.push(repoPath) - 1;
        for (const lit of literals) {
          const holders = this.literals.get(lit);
          if (holders === undefined) this.literals.set(lit, [idx]);
          else holders.push(idx);
        }
      }
    }
  }

  private incomplete(): void {
    this.complete = false;
  }
}

export interface ResolvedTest {
  /** Repository-relative test file. */
  file: string;
  /** The test's titles, outermost first (for a full name: its split into literals). */
  titles: string[];
}

/**
 * An index of a repository's test files (or one workspace package's), built on first use. Made per
 * report read, not kept for the process: a long-running loop edits and adds test files between runs.
 */
export function testFileIndex(repoRoot: string, under: string | undefined): TestFileIndex {
  const dir = (under ?? '').replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
  return new TestFileIndex(repoRoot, dir === '.' ? '' : dir);
}
