import path from 'node:path';
import type { TestResult } from '../../events/index.js';
import { locate, toRepoPath } from '../results/location.js';
import type { BuildLogExtractor } from './types.js';
import type { ParseOptions } from '../types.js';
import { stripWorkspaces } from '../ci-log/workspace.js';

// npm 7+ prints "npm error ...", npm 6 and earlier "npm ERR! ...".
const NPM = /^npm (?:ERR!|error) ?(?<rest>.*)$/;
// Exit codes of a failed script: the script's own output (read by the other extractors) says why.
const WRAPPER = /^(ELIFECYCLE|\d+)$/;
const NODE_NOT_FOUND = /^(?:Error(?: \[(?<code>ERR_MODULE_NOT_FOUND)\])?: )?Cannot find (?<what>module|package) '(?<name>[^']+)'(?: imported from (?<importer>\S+))?/;

/**
 * npm's own errors (E404 unknown package, ERESOLVE, ENOENT, ...) and node's "Cannot find module" /
 * ERR_MODULE_NOT_FOUND: the two ways a missing dependency shows up in a build log.
 */
export const npmExtractor: BuildLogExtractor = {
  format: 'npm',
  tools: ['npm', 'node', 'npx', 'yarn', 'pnpm'],
  sniff(head) {
    if (/^npm (ERR!|error) code \S+/m.test(head)) return 0.85;
    if (/^(Error(?: \[ERR_MODULE_NOT_FOUND\])?: )?Cannot find (module|package) '/m.test(head)) return 0.7;
    return 0;
  },
  extract(lines, opts, ids) {
    const out: TestResult[] = [];
    let block: string[] = [];
    const flush = (): void => {
      if (block.length) out.push(...npmBlock(block));
      block = [];
    };
    const npmBlock = (b: string[]): TestResult[] => {
      const code = b.map((l) => /^code (\S+)/.exec(l)?.[1]).find((c) => c !== undefined);
      if (!code || WRAPPER.test(code)) return [];
      const body = b.filter((l) => !/^(code|errno|syscall|path|A complete log of this run|Log files were not written)\b/.test(l) && !/^\d{3}\s*$/.test(l)).map((l) => l.replace(/^\d{3}\s+/, '').trim()).filter((l) => l !== '');
      const pkg = body.map((l) => /GET https?:\/\/\S+?\/(@[^/\s]+%2[fF][^/\s]+|@[^/\s]+\/[^/\s]+|[^/\s@][^/\s]*)\s*$/.exec(l)?.[1]).find((p) => p !== undefined);
      const message = body.slice(0, 2).join('\n') || `npm failed with ${code}`;
      return [{
        kind: 'build',
        framework: 'npm',
        test_id: ids.next('npm', undefined, code, pkg ? decodeURIComponent(pkg) : message),
        status: 'errored',
        error_code: code,
        message,
        stack: b.join('\n'),
        repro_cmd: 'npm install',
        package: opts.package,
      }];
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const npm = NPM.exec(line);
      if (npm) {
        if (/^code \S+/.test(npm.groups!.rest!) && block.length) flush();
        block.push(npm.groups!.rest!);
        continue;
      }
      flush();
      const nf = NODE_NOT_FOUND.exec(line.trim());
      if (!nf?.groups || /^\s+at /.test(line)) continue;
      // The requiring file: "Require stack:\n- /abs/file.js" (CommonJS) or "imported from /abs/file.mjs" (ESM).
      let importer = nf.groups.importer;
      const tail = lines.slice(i + 1, i + 40);
      if (!importer) {
        const rs = tail.findIndex((l) => l.trim() === 'Require stack:');
        if (rs !== -1) importer = /^- (.+)$/.exec(tail[rs + 1]?.trim() ?? '')?.[1];
      }
      const file = toRepoPath(importer, opts);
      const endOfStack = tail.findIndex((l) => !/^\s+at |^Require stack:|^- |^\s*$/.test(l));
      const stackLines = [line, ...tail.slice(0, endOfStack === -1 ? tail.length : endOfStack)];
      const where = locate(stackLines.join('\n'), opts, file);
      const code = nf.groups.code ?? (tail.some((l) => /code: 'MODULE_NOT_FOUND'/.test(l)) ? 'MODULE_NOT_FOUND' : undefined);
      const message = `Cannot find ${nf.groups.what} '${nf.groups.name}'`;
      const stable = `Cannot find ${nf.groups.what} '${stableModule(nf.groups.name!, importer, opts)}'`;
      out.push({
        kind: 'build',
        framework: 'node',
        test_id: ids.next('node', file ?? stablePath(importer), code, stable),
        status: 'errored',
        file,
        line: where.line,
        column: where.column,
        error_class: 'Error',
        error_code: code,
        message: nf.groups.importer ? `${message} imported from ${nf.groups.importer}` : message,
        stack: stackLines.join('\n').trim(),
        package: opts.package,
      });
    }
    flush();
    return out;
  },
};

const ABSOLUTE = /^([A-Za-z]:[\\/]|\/|file:\/\/)/;

/**
 * A path outside the repository root given, for an id: below a CI workspace root it is the
 * repository's ("src/a.mjs", as a repository-relative path reads); other absolute paths are
 * machine-specific and left out.
 */
function stablePath(p: string | undefined): string | undefined {
  if (!p) return undefined;
  const stripped = stripWorkspaces(absolute(p));
  return ABSOLUTE.test(stripped) ? undefined : stripped.replace(/^\.\//, '');
}

/**
 * The module named in "Cannot find module" as an id may hold it. ESM prints a relative import resolved
 * to an absolute path ('/home/u/app/src/util.js' imported from /home/u/app/src/main.mjs): that becomes
 * relative to the importing file ('./util.js', as the source wrote it), so the id is the same on every
 * machine and checkout. Package names pass through.
 */
function stableModule(name: string, importer: string | undefined, opts: Pick<ParseOptions, 'repoRoot' | 'package'>): string {
  if (!ABSOLUTE.test(name)) return name;
  if (importer && ABSOLUTE.test(importer)) {
    const rel = path.posix.relative(path.posix.dirname(absolute(importer)), absolute(name));
    return rel.startsWith('.') ? rel : `./${rel}`;
  }
  return toRepoPath(name, opts) ?? stablePath(name) ?? path.posix.basename(absolute(name));
}

function absolute(p: string): string {
  let s = p;
  if (s.startsWith('file://')) {
    try {
      s = decodeURIComponent(new URL(s).pathname);
    } catch {
      s = s.slice('file://'.length);
    }
  }
  return s.replace(/\\/g, '/');
}
