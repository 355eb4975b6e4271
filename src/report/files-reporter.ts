import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { concatPatches } from '../heal/sandbox/patch.js';
import type { HealResult } from '../heal/types.js';
import { writeFileAtomic } from './atomic.js';
import { verifiedChain } from '../heal/chain.js';
import { ALL_PATCH, buildFixProposal, HEALED_PATCH, PROPOSED_PATCH, patchFile, taskFile } from './fix-proposal.js';
import { buildTaskContext } from './task-context.js';
import type { HealReporter, ReporterContext } from './types.js';

const REPO_DOCS = ['README.md', 'CONTRIBUTING.md', 'docs', 'ARCHITECTURE.md'];

async function existingDocs(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of REPO_DOCS) {
    if (await stat(path.join(root, d)).then(() => true, () => false)) out.push(d);
  }
  return out;
}

/** Removes files a previous run wrote in one of our folders that this run did not write again. */
async function pruneStale(dir: string, keep: Set<string>, pattern: RegExp): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) if (pattern.test(n) && !keep.has(path.join(dir, n))) await rm(path.join(dir, n), { force: true });
}

/** fix-proposal.json, one patch per verified cluster (+ the stacked healed.patch and all.patch) and a task YAML per escalated cluster. */
export function filesReporter(ctx: ReporterContext): HealReporter {
  return {
    name: 'files',
    writesFiles: true,
    async onRunEnd(r: HealResult) {
      const written: string[] = [];
      const write = async (rel: string, content: string) => {
        const abs = path.join(ctx.outDir, rel);
        await writeFileAtomic(abs, content);
        written.push(abs);
      };
      for (const c of r.clusters) if (c.patch && !c.healedBy) await write(patchFile(c), c.patch.diff.endsWith('\n') ? c.patch.diff : `${c.patch.diff}\n`);
      const chain = verifiedChain(r.clusters);
      const healed = chain.filter((c) => c.resolution === 'healed');
      if (healed.length > 0) await write(HEALED_PATCH, concatPatches(healed.map((c) => c.patch!)));
      if (chain.length > 0) await write(ALL_PATCH, concatPatches(chain.map((c) => c.patch!)));
      if (chain.length > healed.length) await write(PROPOSED_PATCH, concatPatches(chain.slice(healed.length).map((c) => c.patch!)));
      const docs = await existingDocs(r.root);
      for (const c of r.clusters) if (c.resolution === 'escalated') await write(taskFile(c), buildTaskContext(c, r, docs));
      await write('fix-proposal.json', `${JSON.stringify(buildFixProposal(r), null, 2)}\n`);
      const keep = new Set(written);
      await pruneStale(path.join(ctx.outDir, 'patches'), keep, /\.patch$/);
      await pruneStale(path.join(ctx.outDir, 'tasks'), keep, /^fix-.*\.yaml$/);
      return written.map((p) => path.relative(ctx.root, p));
    },
  };
}
