import { statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { isInside } from '../shared/worktree-path.js';

/**
 * Parsed source files shared by every language service of this process. Keyed by path, parse
 * settings and version, and our versions name the file's content on disk (see version()), so two
 * projects (two attempts, two clusters, two runs) never parse the same lib.d.ts or @types file twice:
 * on a small project those are nearly all of the ~1 s a cold language service costs.
 */
const registry = ts.createDocumentRegistry();

/**
 * A TypeScript language service over one project in the worktree, reading files from disk and
 * keeping edits in memory until the fixer writes them. Uses the project's own tsconfig/jsconfig (the
 * nearest one inside the worktree); a file outside any project gets inferred options that check JS.
 * Reused across attempts and clusters of a run (acquire()): the sandbox resets the files between
 * attempts, and stat-based versions make the service re-read exactly the files that changed.
 */
export class TsProject {
  readonly service: ts.LanguageService;
  private readonly overlay = new Map<string, { text: string; version: number }>();
  private roots: Set<string>;

  private constructor(
    readonly configFile: string | undefined,
    private options: ts.CompilerOptions,
    rootNames: string[],
    private readonly cwd: string,
  ) {
    this.roots = new Set(rootNames.map((f) => path.resolve(f)));
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [...this.roots],
      getScriptVersion: (f) => this.version(f),
      getScriptSnapshot: (f) => {
        const text = this.read(f);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => this.cwd,
      getCompilationSettings: () => this.options,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: (f) => this.overlay.has(path.resolve(f)) || ts.sys.fileExists(f),
      readFile: (f) => this.read(f),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
    };
    this.service = ts.createLanguageService(host, registry);
  }

  /**
   * The project that owns `file` (absolute, inside the worktree), with `file` as a root: the one of
   * this call (`session`), else the one kept from an earlier call for the same worktree and
   * configuration (its in-memory edits dropped), else a new one. Never dispose an acquired project.
   */
  static acquire(file: string, worktree: string, forceCheckJs: boolean, session: Map<string, TsProject>): TsProject {
    const { configFile, options, roots, cwd } = configure(file, worktree, forceCheckJs);
    const key = `${worktree}\0${configFile ?? ''}\0${forceCheckJs}`;
    // Several files of one call share the project: each is added as a root, edits so far are kept.
    const current = session.get(key);
    if (current) {
      current.roots.add(path.resolve(file));
      return current;
    }
    const kept = cache.get(key);
    if (kept) {
      cache.delete(key); // re-inserted below: most recently used last
      kept.overlay.clear();
      kept.options = options;
      kept.roots = new Set([...roots.map((f) => path.resolve(f))]);
      cache.set(key, kept);
      session.set(key, kept);
      return kept;
    }
    const project = new TsProject(configFile, options, roots, cwd);
    cache.set(key, project);
    session.set(key, project);
    // Evicted only now, so the new project's first program still finds the shared files in the registry.
    while (cache.size > MAX_KEPT) {
      const [oldest, old] = cache.entries().next().value as [string, TsProject];
      cache.delete(oldest);
      deferDispose(old);
    }
    return project;
  }

  /** A fresh, unshared project (tests that need one of their own). */
  static forFile(file: string, worktree: string, forceCheckJs: boolean): TsProject {
    const { configFile, options, roots, cwd } = configure(file, worktree, forceCheckJs);
    return new TsProject(configFile, options, roots, cwd);
  }

  read(f: string): string | undefined {
    return this.overlay.get(path.resolve(f))?.text ?? ts.sys.readFile(f);
  }

  /**
   * Edited files by edit count; others by what identifies their content on disk (inode, size, change
   * and modification times), so a file the sandbox reset or a fixer rewrote is read again, and an
   * unchanged one (lib files, node_modules) keeps its parsed tree.
   */
  private version(f: string): string {
    const edited = this.overlay.get(path.resolve(f));
    if (edited) return `edit-${edited.version}`;
    try {
      const s = statSync(f, { bigint: true });
      return `${s.ino}-${s.size}-${s.mtimeNs}-${s.ctimeNs}`;
    } catch {
      return 'missing';
    }
  }

  /** Records an edit in memory; the language service sees it on its next call. */
  update(f: string, text: string): void {
    const key = path.resolve(f);
    this.overlay.set(key, { text, version: (this.overlay.get(key)?.version ?? 0) + 1 });
    this.roots.add(key);
  }

  /** Files edited so far, with their new text. */
  edited(): Array<[string, string]> {
    return [...this.overlay.entries()].map(([f, v]) => [f, v.text]);
  }

  diagnostics(file: string): ts.Diagnostic[] {
    return [...this.service.getSyntacticDiagnostics(file), ...this.service.getSemanticDiagnostics(file)];
  }

  dispose(): void {
    this.service.dispose();
  }
}

/** Projects kept for the next call: one per worktree and configuration, most recently used last. */
const cache = new Map<string, TsProject>();
const MAX_KEPT = 2;

/** Disposed after the caller's work, so the files it shares stay registered while a new program is built. */
function deferDispose(p: TsProject): void {
  setImmediate(() => p.dispose()).unref?.();
}

function configure(file: string, worktree: string, forceCheckJs: boolean): { configFile: string | undefined; options: ts.CompilerOptions; roots: string[]; cwd: string } {
  const configFile = findConfig(path.dirname(file), worktree);
  let options: ts.CompilerOptions;
  let roots: string[];
  let cwd = worktree;
  if (configFile) {
    const read = ts.readConfigFile(configFile, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, path.dirname(configFile), undefined, configFile);
    options = parsed.options;
    roots = parsed.fileNames;
    cwd = path.dirname(configFile);
  } else {
    options = { allowJs: true, checkJs: true, noEmit: true, target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowImportingTsExtensions: true, skipLibCheck: true };
    roots = [];
  }
  // A JS file must be in the program to be fixed; a runtime failure in one is diagnosed with the
  // checker even when the project does not checkJs (in memory only: the tsconfig is not touched).
  if (/\.[cm]?jsx?$/.test(file)) options = { ...options, allowJs: true, ...(forceCheckJs ? { checkJs: true } : {}) };
  return { configFile, options: { ...options, noEmit: true }, roots: [...roots, file], cwd };
}

function findConfig(from: string, worktree: string): string | undefined {
  for (let dir = from; isInside(worktree, dir); dir = path.dirname(dir)) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const p = path.join(dir, name);
      if (ts.sys.fileExists(p)) return p;
    }
    if (dir === path.dirname(dir)) break;
  }
  return undefined;
}
