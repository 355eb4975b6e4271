import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixers } from './registry.js';

const DIR = path.dirname(fileURLToPath(import.meta.url));
/** Folders that are not fixers. */
const NOT_FIXERS = new Set(['shared']);
/** Fixer folders another piece of work is still building (no index.ts yet); they must register once they have one. */
const IN_PROGRESS_ELSEWHERE = new Set(['llm', 'agent-command']);
const COST_ORDER = ['free', 'model', 'agent'];

const folders = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !NOT_FIXERS.has(d.name))
  .map((d) => d.name);

describe('fixer registry', () => {
  it('registers every fixer folder that has an index.ts, under its folder name', () => {
    const ids = fixers.map((f) => f.id);
    for (const folder of folders) {
      if (!existsSync(path.join(DIR, folder, 'index.ts'))) {
        expect(IN_PROGRESS_ELSEWHERE.has(folder), `src/fixers/${folder}/ has no index.ts and is not a known work in progress`).toBe(true);
        continue;
      }
      expect(ids, `src/fixers/${folder}/ is not registered in registry.ts`).toContain(folder);
    }
    for (const id of ids) expect(folders, `registered fixer '${id}' has no folder`).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(fixers.map((f) => [f.id, f] as const))('%s implements the Fixer interface and is its folder\'s export', async (id, fixer) => {
    expect(typeof fixer.appliesTo).toBe('function');
    expect(typeof fixer.propose).toBe('function');
    expect(COST_ORDER).toContain(fixer.cost);
    // A file URL, so the bundler's static import analysis leaves this dynamic import alone.
    const mod = (await import(new URL(`./${id}/index.ts`, import.meta.url).href)) as { default?: unknown };
    expect(mod.default).toBe(fixer);
  });

  it('orders fixers cheapest first (free, then model, then agent)', () => {
    const ranks = fixers.map((f) => COST_ORDER.indexOf(f.cost));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });
});
