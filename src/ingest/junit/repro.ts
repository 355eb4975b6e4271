import { escapeRegExp, shellJoin, shellQuote } from '../../util/shell.js';
import type { Dialect } from './dialect.js';
import type { PytestPlace } from './pytest-ids.js';
import { repro } from '../results/repro.js';

export interface ReproInput {
  dialect: Dialect;
  name: string;
  /** JavaScript tests: the titles joined by spaces, what jest/bun -t and mocha --grep match. */
  fullName?: string;
  classname: string | undefined;
  /** Repository-relative test file, when known. */
  file: string | undefined;
  /** Workspace package directory: test runners resolve paths from there. */
  baseDir: string | undefined;
  suiteName: string | undefined;
  pytest: PytestPlace | undefined;
  goPackageDir: string | undefined;
}

const SPECIAL = /[.*+?^${}()|[\]\\]/;

function exact(s: string): string {
  return `^${SPECIAL.test(s) ? escapeRegExp(s) : s}$`;
}

/** shellQuote of an anchored pattern (`^...$` never passes unquoted): a quote-free one is only wrapped. */
function quotedPattern(pattern: string): string {
  return pattern.indexOf("'") === -1 ? `'${pattern}'` : shellQuote(pattern);
}

let lastPrefix = { command: '', file: '' as string | undefined, text: '' };

/** `command file`, quoted, remembered for the next failure in the same file (they come in runs). */
function prefix(command: string, file: string | undefined): string {
  if (lastPrefix.command === command && lastPrefix.file === file) return lastPrefix.text;
  const text = file ? `${command} ${shellQuote(file)}` : command;
  lastPrefix = { command, file, text };
  return text;
}

/** A repository-relative path as seen from the package directory the runner starts in. */
function local(file: string | undefined, baseDir: string | undefined): string | undefined {
  return file && baseDir && file.startsWith(baseDir + '/') ? file.slice(baseDir.length + 1) : file;
}

/**
 * The command that re-runs exactly this test, for producers that have one; undefined otherwise (a
 * generic JUnit report does not say which tool made it). Paths are given relative to the package
 * directory the runner starts in.
 */
export function reproCommand(r: ReproInput): string | undefined {
  const file = local(r.file, r.baseDir);
  switch (r.dialect) {
    case 'pytest': {
      if (!r.pytest) return undefined;
      const id = r.pytest.module ? local(r.pytest.file, r.baseDir)! : [local(r.pytest.file, r.baseDir)!, ...r.pytest.classes, r.name].join('::');
      return repro.pytest(id, r.baseDir);
    }
    case 'vitest':
      if (r.name === '(test file)' && file) return repro.vitestFile(file, r.baseDir);
      // vitest matches -t against the full name with its parts joined by spaces.
      return `${prefix('npx vitest run', file)} -t ${quotedPattern(exact(r.fullName ?? r.name.replaceAll(' > ', ' ')))}`;
    case 'jest':
      return `${prefix('npx jest', file)} -t ${quotedPattern(exact(r.fullName ?? r.name))}`;
    case 'mocha':
      return shellJoin(['npx', 'mocha', ...(file ? [file] : []), '--grep', exact(r.fullName ?? r.name)]);
    case 'bun':
      return shellJoin(['bun', 'test', ...(file ? [file] : []), '-t', exact(r.fullName ?? r.name)]);
    case 'node':
      return shellJoin(['node', '--test', `--test-name-pattern=${exact(r.name)}`, ...(file ? [file] : [])]);
    case 'go': {
      const pkg = r.goPackageDir !== undefined ? (r.goPackageDir === '.' ? '.' : `./${r.goPackageDir}`) : r.classname || r.suiteName;
      if (!pkg || !/^Test|^Example|^Benchmark|^Fuzz/.test(r.name)) return undefined;
      return shellJoin(['go', 'test', pkg, '-run', r.name.split('/').map(exact).join('/')]);
    }
    case 'surefire': {
      if (!r.classname) return undefined;
      const method = r.name.replace(/[[(].*$/, '').trim();
      return shellJoin(['mvn', 'test', `-Dtest=${r.classname}#${method}`]);
    }
    case 'phpunit': {
      // A .phpt test is a file of its own: run it by path.
      if (file?.endsWith('.phpt')) return shellJoin(['vendor/bin/phpunit', file]);
      const method = r.name.replace(/ with data set .*$/, '');
      return shellJoin(['vendor/bin/phpunit', '--filter', `/::${escapeRegExp(method)}( with data set .*)?$/`, ...(file ? [file] : [])]);
    }
    case 'ctest':
      return shellJoin(['ctest', '-R', exact(r.name)]);
    default:
      return undefined;
  }
}
