// Regenerates patches/*.diff and corpus.json from the case specs: each case's edits are made in a
// throwaway git repository holding a copy of its base project, and `git diff` writes the patch.
// Run with `npx tsx eval/guard/author.ts` after editing a cases-*.ts file; commit the output.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goCases } from './cases-go.js';
import { jsCases } from './cases-js.js';
import { pyCases } from './cases-py.js';
import { priceCases } from './cases-price.js';
import { tsCases } from './cases-ts.js';
import { LANG, type CaseSpec, type CorpusEntry } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = { ...process.env, GIT_AUTHOR_NAME: 'eval', GIT_AUTHOR_EMAIL: 'eval@example.com', GIT_COMMITTER_NAME: 'eval', GIT_COMMITTER_EMAIL: 'eval@example.com' };
const git = (cwd: string, args: string[]): string => execFileSync('git', ['-c', 'core.autocrlf=false', ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });

function applyEdits(dir: string, c: CaseSpec): void {
  for (const [rel, edit] of Object.entries(c.edits)) {
    const file = path.join(dir, rel);
    if (edit === null) {
      if (!existsSync(file)) throw new Error(`${c.id}: cannot delete missing ${rel}`);
      rmSync(file);
    } else if (typeof edit === 'string') {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, edit);
    } else {
      let text = readFileSync(file, 'utf8');
      for (const [from, to] of edit) {
        if (!text.includes(from)) throw new Error(`${c.id}: ${rel} does not contain ${JSON.stringify(from.slice(0, 80))}`);
        text = text.replace(from, () => to);
      }
      writeFileSync(file, text);
    }
  }
}

const root = path.resolve(here, '../..');

/** Runs the project's jest tests with coverage and returns the lcov tracefile. */
function jestLcov(dir: string): string {
  const link = path.join(dir, 'node_modules');
  if (!existsSync(link)) symlinkSync(path.join(root, 'node_modules'), link);
  // Failing tests still write coverage, so the exit status is not checked: the guard judges the numbers.
  spawnSync(process.execPath, [path.join(root, 'node_modules/jest/bin/jest.js'), '--coverage', '--coverageReporters=lcov', '--coverageDirectory=.cov'], { cwd: dir, stdio: 'ignore' });
  const text = readFileSync(path.join(dir, '.cov', 'lcov.info'), 'utf8');
  rmSync(path.join(dir, '.cov'), { recursive: true, force: true });
  rmSync(link);
  return text;
}

const cases = [...tsCases, ...jsCases, ...pyCases, ...goCases, ...priceCases];
const ids = new Set<string>();
const corpus: CorpusEntry[] = [];
rmSync(path.join(here, 'patches'), { recursive: true, force: true });
mkdirSync(path.join(here, 'patches'));
rmSync(path.join(here, 'cov'), { recursive: true, force: true });
for (const c of cases) {
  if (ids.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
  ids.add(c.id);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suture-eval-author-'));
  try {
    cpSync(path.join(here, 'bases', c.base), dir, { recursive: true });
    git(dir, ['init', '-q']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'base']);
    const baseLcov = c.coverage ? jestLcov(dir) : undefined;
    applyEdits(dir, c);
    const headLcov = c.coverage ? jestLcov(dir) : undefined;
    git(dir, ['add', '-A']);
    const diff = git(dir, ['diff', '--cached', '--no-color', '--no-ext-diff', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/']);
    if (diff.trim() === '') throw new Error(`${c.id}: the edits change nothing`);
    writeFileSync(path.join(here, 'patches', `${c.id}.diff`), diff);
    const entry: CorpusEntry = { id: c.id, base: c.base, lang: LANG[c.base], label: c.label, kind: c.kind, note: c.note, patch: `patches/${c.id}.diff` };
    if (baseLcov !== undefined && headLcov !== undefined) {
      mkdirSync(path.join(here, 'cov', c.id), { recursive: true });
      writeFileSync(path.join(here, 'cov', c.id, 'base.lcov'), baseLcov);
      writeFileSync(path.join(here, 'cov', c.id, 'head.lcov'), headLcov);
      entry.coverage = { base: `cov/${c.id}/base.lcov`, head: `cov/${c.id}/head.lcov` };
    }
    corpus.push(entry);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
writeFileSync(path.join(here, 'corpus.json'), `${JSON.stringify(corpus, null, 1)}\n`);
const cheats = corpus.filter((c) => c.label === 'cheat').length;
console.log(`wrote ${corpus.length} patches (${cheats} cheats, ${corpus.length - cheats} legitimate) to eval/guard/patches`);
