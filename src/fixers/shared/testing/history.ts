import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TempRepo } from './temp-repo.js';

export interface BisectHistory {
  /** Commit shas oldest first: [start, readme, notes, BREAKING, notes-2, calc-shift]. */
  commits: string[];
  breaking: string;
}

/**
 * On top of the py-bisect fixture (committed, passing), five more commits; the fourth breaks
 * test_mul with a two-hunk change to calc.py (a harmless docstring edit + the bug), and the sixth
 * shifts calc.py's lines so a revert must re-locate the hunk.
 */
export function buildBisectHistory(repo: TempRepo): BisectHistory {
  const commits = [repo.commit('calc: start')];
  const calc = (): string => readFileSync(path.join(repo.dir, 'calc.py'), 'utf8');
  repo.write('README.md', `${readFileSync(path.join(repo.dir, 'README.md'), 'utf8')}\nUsage: import calc.\n`);
  commits.push(repo.commit('docs: usage line'));
  repo.write('NOTES.md', 'Release notes\n');
  commits.push(repo.commit('notes: start'));
  repo.write('calc.py', calc().replace('"""Sum of two numbers."""', '"""Return the sum of a and b."""').replace('    return a * b\n', '    return a * b + a\n'));
  const breaking = repo.commit('calc: clearer docs, tweak mul');
  commits.push(breaking);
  repo.write('NOTES.md', 'Release notes\n\n- mul tweaked\n');
  commits.push(repo.commit('notes: mul'));
  repo.write('calc.py', calc().replace('def square(x):', 'def half(x):\n    return x / 2\n\n\ndef square(x):'));
  commits.push(repo.commit('calc: add half'));
  return { commits, breaking };
}

/** The same story for the go-bisect fixture: the fourth commit breaks TestMul (calc.go: doc edit + bug). */
export function buildGoBisectHistory(repo: TempRepo): BisectHistory {
  const calc = (): string => readFileSync(path.join(repo.dir, 'calc.go'), 'utf8');
  const commits = [repo.commit('calc: start')];
  repo.write('NOTES.md', 'Release notes\n');
  commits.push(repo.commit('notes: start'));
  repo.write('NOTES.md', 'Release notes\n\n- faster\n');
  commits.push(repo.commit('notes: faster'));
  repo.write('calc.go', calc().replace('// Add returns the sum of two numbers.', '// Add returns a + b.').replace('\treturn a * b\n', '\treturn a*b + a\n'));
  const breaking = repo.commit('calc: shorter docs, tweak Mul');
  commits.push(breaking);
  repo.write('NOTES.md', 'Release notes\n\n- faster\n- Mul tweaked\n');
  commits.push(repo.commit('notes: Mul'));
  repo.write('calc.go', calc().replace('// Square multiplies', '// Half halves a number.\nfunc Half(x int) int {\n\treturn x / 2\n}\n\n// Square multiplies'));
  commits.push(repo.commit('calc: add Half'));
  return { commits, breaking };
}

/** Build breaks for the revert fixer: a commit in the middle renames a function a caller still uses. */
export function buildGoRenameHistory(repo: TempRepo, opts: { updateTests?: boolean } = {}): BisectHistory {
  const read = (f: string): string => readFileSync(path.join(repo.dir, f), 'utf8');
  const commits = [repo.commit('calc: start')];
  repo.write('NOTES.md', 'Release notes\n');
  commits.push(repo.commit('notes: start'));
  repo.write('calc.go', read('calc.go').replace('// Add returns the sum of two numbers.\nfunc Add(', '// Sum returns the sum of two numbers.\nfunc Sum('));
  if (opts.updateTests) repo.write('calc_test.go', read('calc_test.go').replace(/\bAdd\(/g, 'Sum('));
  const breaking = repo.commit('calc: Add is now Sum');
  commits.push(breaking);
  repo.write('NOTES.md', 'Release notes\n\n- Sum\n');
  commits.push(repo.commit('notes: Sum'));
  return { commits, breaking };
}

/**
 * On the ts-build-break fixture: a commit makes toGrams return a string, which label.ts cannot take
 * (tsc fails, no test), and adapts a test file (never a revert candidate).
 */
export function buildTsTypeBreakHistory(repo: TempRepo): BisectHistory {
  const units = (): string => readFileSync(path.join(repo.dir, 'src/units.ts'), 'utf8');
  repo.write('src/units.test.ts', "import { toGrams } from './units.ts';\n// two kilograms\nif (String(toGrams(2)) !== '2000') throw new Error('toGrams');\n");
  const commits = [repo.commit('units: start')];
  repo.write('NOTES.md', 'Release notes\n');
  commits.push(repo.commit('notes: start'));
  repo.write('src/units.ts', units().replace('export function toGrams(kg: number): number {\n  return kg * GRAMS_PER_KG;', 'export function toGrams(kg: number): string {\n  return (kg * GRAMS_PER_KG).toFixed(0);'));
  repo.write('src/units.test.ts', "import { toGrams } from './units.ts';\n// two kilograms, formatted\nif (String(toGrams(2)) !== '2000') throw new Error('toGrams');\n");
  const breaking = repo.commit('units: toGrams formats');
  commits.push(breaking);
  return { commits, breaking };
}

/** Renames for did-you-mean's history source: a commit renames a declaration and misses a caller. */
export function buildTsRenameHistory(repo: TempRepo): BisectHistory {
  const units = (): string => readFileSync(path.join(repo.dir, 'src/units.ts'), 'utf8');
  const commits = [repo.commit('units: start')];
  repo.write('src/units.ts', units().replace('/** Kilograms to grams. */\nexport function toGrams(', '/** Kilograms to grams. */\nexport function gramsFromKilograms('));
  const breaking = repo.commit('refactor(units): toGrams is now gramsFromKilograms');
  commits.push(breaking);
  return { commits, breaking };
}

/** On py-bisect: stats.py uses calc.square; a later commit renames square to square_of and updates the tests only. */
export function buildPyRenameHistory(repo: TempRepo): BisectHistory {
  const read = (f: string): string => readFileSync(path.join(repo.dir, f), 'utf8');
  repo.write('stats.py', 'import calc\n\n\ndef area(side):\n    """Area of a square."""\n    return calc.square(side)\n');
  repo.write('test_stats.py', 'from stats import area\n\n\ndef test_area():\n    assert area(3) == 9\n');
  const commits = [repo.commit('stats: area')];
  repo.write('calc.py', read('calc.py').replace('def square(x):', 'def square_of(x):'));
  repo.write('test_calc.py', read('test_calc.py').replaceAll('square', 'square_of'));
  const breaking = repo.commit('calc: square is now square_of');
  commits.push(breaking);
  return { commits, breaking };
}
