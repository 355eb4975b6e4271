import path from 'node:path';
import ts from 'typescript';
import { isInside } from '../shared/worktree-path.js';

/**
 * A TypeScript language service over one project in the worktree, reading files from disk and
 * keeping edits in memory until the fixer writes them. Uses the project's own tsconfig/jsconfig (the
 * nearest one inside the worktree); a file outside any project gets inferred options that check JS.
 */
export class TsProject {
  readonly service: ts.LanguageService;
  private readonly overlay = new Map<string, { text: string; version: number }>();
  private readonly roots: Set<string>;

  private constructor(
    readonly configFile: string | undefined,
    private readonly options: ts.CompilerOptions,
    rootNames: string[],
    private readonly cwd: string,
  ) {
    this.roots = new Set(rootNames.map((f) => path.resolve(f)));
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [...this.roots],
      getScriptVersion: (f) => String(this.overlay.get(path.resolve(f))?.version ?? 0),
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
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry());
  }

  /** The project that owns `file` (absolute, inside the worktree); `file` is always a root. */
  static forFile(file: string, worktree: string, forceCheckJs: boolean): TsProject {
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
    return new TsProject(configFile, { ...options, noEmit: true }, [...roots, file], cwd);
  }

  read(f: string): string | undefined {
    return this.overlay.get(path.resolve(f))?.text ?? ts.sys.readFile(f);
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
