import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** `scenario.yml` of one eval scenario: what is broken, what a good outcome is, and the hidden check. */
export const scenarioSchema = z
  .object({
    name: z.string(),
    language: z.enum(['typescript', 'javascript', 'python', 'go']),
    category: z.enum(['typo', 'import', 'rename', 'missing-dependency', 'lint', 'format', 'revert', 'flaky', 'reasoning']),
    /** A deterministic fixer could fix it (counts towards the >= 70% target); false means only a model could. */
    mechanical: z.boolean(),
    /** What a correct suture run ends with. */
    expect: z.enum(['healed', 'proposed', 'escalated', 'flaky']),
    description: z.string(),
    /** Link suture's node_modules into the copy (minus hide_packages, to make a dependency missing). */
    node_modules: z.boolean().default(false),
    hide_packages: z.array(z.string()).default([]),
    /** Message of the commit made from breaking/ on top of repo/ (the commit that broke a test). */
    breaking_commit: z.string().default('change'),
    /** Shell command run in the healed copy after suture finishes; $HIDDEN is the hidden/ folder. Exit 0 = behaviour intact. */
    hidden: z.string(),
  })
  .strict();
export type ScenarioSpec = z.infer<typeof scenarioSchema>;

export interface Scenario extends ScenarioSpec {
  dir: string;
  hasBreaking: boolean;
  hasUncommitted: boolean;
  hasSolution: boolean;
}

async function isDir(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isDirectory(), () => false);
}

export async function loadScenarios(root: string, only?: string[]): Promise<Scenario[]> {
  const out: Scenario[] = [];
  for (const name of (await readdir(root)).sort()) {
    if (name.startsWith('_') || name.startsWith('.')) continue;
    const dir = path.join(root, name);
    if (!(await isDir(dir))) continue;
    if (only && !only.includes(name)) continue;
    const spec = scenarioSchema.parse(parse(await readFile(path.join(dir, 'scenario.yml'), 'utf8')));
    if (spec.name !== name) throw new Error(`${dir}: scenario name '${spec.name}' does not match its folder`);
    out.push({ ...spec, dir, hasBreaking: await isDir(path.join(dir, 'breaking')), hasUncommitted: await isDir(path.join(dir, 'uncommitted')), hasSolution: await isDir(path.join(dir, 'solution')) });
  }
  return out;
}
