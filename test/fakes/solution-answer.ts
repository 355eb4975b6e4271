import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Files of an eval scenario's solution/ (repository-relative) with the broken and the fixed text. */
export async function solutionFiles(scenarioDir: string): Promise<{ file: string; broken: string; fixed: string }[]> {
  const root = path.join(scenarioDir, 'solution');
  const out: { file: string; broken: string; fixed: string }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) await walk(abs);
      else {
        const file = path.relative(root, abs).split(path.sep).join('/');
        out.push({ file, broken: await readFile(path.join(scenarioDir, 'repo', file), 'utf8'), fixed: await readFile(abs, 'utf8') });
      }
    }
  };
  await walk(root);
  return out;
}

/**
 * A scripted model answer that turns the broken files into the scenario's reference solution, as
 * SEARCH/REPLACE blocks. Test data that proves the plumbing; it says nothing about a real model.
 */
export async function solutionAnswer(scenarioDir: string): Promise<string> {
  const files = await solutionFiles(scenarioDir);
  return [
    'The implementation does not follow the rule the tests encode; corrected below.',
    ...files.map((f) => `\n${f.file}\n<<<<<<< SEARCH\n${f.broken.replace(/\n$/, '')}\n=======\n${f.fixed.replace(/\n$/, '')}\n>>>>>>> REPLACE`),
  ].join('\n');
}
