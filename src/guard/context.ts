import type ts from 'typescript';
import picomatch from 'picomatch';
import type { Patch } from '../events/index.js';
import type { GuardConfig } from './config.js';
import type { ChangedFile } from './diff/parse.js';
import { langOf, isJsLike, makeTestFileMatcher, type Lang } from './lang.js';
import type { FileContents, Side } from './source/content.js';
import { parseJsLike } from './syntax/ts.js';
import { parseTree, type Node, type Tree } from './syntax/treesitter.js';
import type { TestFileModel } from './testmodel/model.js';
import { extractJsTests } from './testmodel/js.js';
import { extractPythonTests } from './testmodel/python.js';
import { extractGoTests } from './testmodel/go.js';
import { extractAnnotatedTests } from './testmodel/text.js';

/** A file's text on one side. `fragment` when only the diff's lines were available (no file content). */
export interface Source {
  lang: Lang;
  text: string;
  fragment: boolean;
  /** 1-based file line for a 0-based row of `text`. */
  line(row: number): number;
}

export type Syntax =
  | (Source & { kind: 'js'; sf: ts.SourceFile })
  | (Source & { kind: 'tree'; root: Node })
  | (Source & { kind: 'text' });

/** Everything a rule may read. Text, trees and test models are computed once per file side and cached. */
export interface GuardContext {
  readonly root: string;
  readonly config: GuardConfig;
  readonly files: ChangedFile[];
  readonly patch: Patch;
  readonly confidence: number | undefined;
  isTestFile(path: string): boolean;
  isProtected(path: string): boolean;
  /** The full text of a file on one side, or undefined (absent, binary, too large, not available). */
  content(side: Side, file: ChangedFile): Promise<string | undefined>;
  /** Any repository file on one side, changed or not (repo-relative path). */
  readPath(side: Side, path: string): Promise<string | undefined>;
  /** Coverage reports to compare, as given by options or policy (paths relative to the root). */
  readonly coverage: { base?: string; head?: string };
  /** True when `root` holds the patched state, so commands run there see the change. */
  readonly rootIsHead: boolean;
  /** The full text, or a fragment of the diff's lines when the full text is not available. */
  source(side: Side, file: ChangedFile): Promise<Source | undefined>;
  syntax(side: Side, file: ChangedFile): Promise<Syntax | undefined>;
  /** Tests in a test file on one side (undefined for non-test files or unknown languages). */
  tests(side: Side, file: ChangedFile): Promise<TestFileModel | undefined>;
  /** Set of 1-based head lines the diff adds to a file. */
  addedLines(file: ChangedFile): Set<number>;
  /** Does the head range [line, endLine] contain an added line or a deletion? (Else its text is unchanged.) */
  touches(file: ChangedFile, line: number, endLine?: number): boolean;
  removedLines(file: ChangedFile): Set<number>;
}

export class JudgeContext implements GuardContext {
  private readonly sources = new Map<string, Promise<Source | undefined>>();
  private readonly syntaxes = new Map<string, Promise<Syntax | undefined>>();
  private readonly models = new Map<string, Promise<TestFileModel | undefined>>();
  private readonly trees: Tree[] = [];
  private readonly added = new WeakMap<ChangedFile, Set<number>>();
  private readonly removed = new WeakMap<ChangedFile, Set<number>>();
  readonly isTestFile: (path: string) => boolean;
  readonly isProtected: (path: string) => boolean;

  constructor(
    readonly root: string,
    readonly config: GuardConfig,
    readonly files: ChangedFile[],
    readonly patch: Patch,
    readonly confidence: number | undefined,
    private readonly contents: FileContents,
    readonly coverage: { base?: string; head?: string } = {},
    readonly rootIsHead = false,
  ) {
    this.isTestFile = makeTestFileMatcher(config.test_globs);
    const globs = [...config.protected.paths, ...config.protected.extra];
    this.isProtected = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  }

  content(side: Side, file: ChangedFile): Promise<string | undefined> {
    return this.contents.get(side, file);
  }

  readPath(side: Side, path: string): Promise<string | undefined> {
    return this.contents.readPath(side, path);
  }

  addedLines(file: ChangedFile): Set<number> {
    let s = this.added.get(file);
    if (!s) this.added.set(file, (s = new Set(file.added.map((l) => l.line))));
    return s;
  }

  touches(file: ChangedFile, line: number, endLine = line): boolean {
    const added = this.addedLines(file);
    for (let l = line; l <= endLine; l++) if (added.has(l)) return true;
    return file.deletedAt.some((d) => d > line && d <= endLine + 1);
  }

  removedLines(file: ChangedFile): Set<number> {
    let s = this.removed.get(file);
    if (!s) this.removed.set(file, (s = new Set(file.removed.map((l) => l.line))));
    return s;
  }

  source(side: Side, file: ChangedFile): Promise<Source | undefined> {
    const key = `${side}\0${file.path}`;
    let p = this.sources.get(key);
    if (!p) {
      p = this.loadSource(side, file);
      this.sources.set(key, p);
    }
    return p;
  }

  private async loadSource(side: Side, file: ChangedFile): Promise<Source | undefined> {
    const lang = langOf(side === 'base' ? (file.oldPath ?? file.path) : file.path);
    const text = await this.content(side, file);
    if (text !== undefined) return { lang, text, fragment: false, line: (row) => row + 1 };
    if (file.binary || (side === 'base' && file.status === 'added') || (side === 'head' && file.status === 'deleted')) return undefined;
    const lines = side === 'base' ? file.removed : file.added;
    return { lang, text: lines.map((l) => l.text).join('\n'), fragment: true, line: (row) => lines[row]?.line ?? lines[lines.length - 1]?.line ?? 1 };
  }

  syntax(side: Side, file: ChangedFile): Promise<Syntax | undefined> {
    const key = `${side}\0${file.path}`;
    let p = this.syntaxes.get(key);
    if (!p) {
      p = this.loadSyntax(side, file);
      this.syntaxes.set(key, p);
    }
    return p;
  }

  private async loadSyntax(side: Side, file: ChangedFile): Promise<Syntax | undefined> {
    const src = await this.source(side, file);
    if (!src) return undefined;
    if (isJsLike(src.lang)) return { ...src, kind: 'js', sf: parseJsLike(file.path, src.text) };
    if (src.lang === 'python' || src.lang === 'go') {
      const tree = await parseTree(src.lang, src.text);
      this.trees.push(tree);
      return { ...src, kind: 'tree', root: tree.rootNode };
    }
    return { ...src, kind: 'text' };
  }

  tests(side: Side, file: ChangedFile): Promise<TestFileModel | undefined> {
    const path = side === 'base' ? (file.oldPath ?? file.path) : file.path;
    if (!this.isTestFile(path)) return Promise.resolve(undefined);
    const key = `${side}\0${file.path}`;
    let p = this.models.get(key);
    if (!p) {
      p = this.loadTests(side, file);
      this.models.set(key, p);
    }
    return p;
  }

  private async loadTests(side: Side, file: ChangedFile): Promise<TestFileModel | undefined> {
    const syn = await this.syntax(side, file);
    if (!syn) return undefined;
    let model: TestFileModel;
    if (syn.kind === 'js') model = extractJsTests(syn.sf);
    else if (syn.kind === 'tree') model = syn.lang === 'python' ? extractPythonTests(syn.root) : extractGoTests(syn.root);
    else if (syn.lang === 'rust' || syn.lang === 'java') model = extractAnnotatedTests(syn.text, syn.lang);
    else return undefined;
    if (!syn.fragment) return model;
    // Fragment rows map back to the diff's own line numbers.
    const remap = (l: number): number => syn.line(l - 1);
    return {
      tests: model.tests.map((t) => ({
        ...t,
        line: remap(t.line),
        endLine: remap(t.endLine),
        assertions: t.assertions.map((a) => ({ ...a, line: remap(a.line) })),
        ...(t.earlyReturn !== undefined ? { earlyReturn: remap(t.earlyReturn) } : {}),
      })),
    };
  }

  /** Frees the syntax trees (they live in wasm memory). */
  dispose(): void {
    for (const t of this.trees.splice(0)) t.delete();
  }
}
