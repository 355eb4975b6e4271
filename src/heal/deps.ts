import { SutureError } from '../errors.js';
import { fixers } from '../fixers/registry.js';
import { autoApplyAllowed, judge, recordLoopAttempt } from '../guard/index.js';
import { detectPlan, rerunTests, runPlan } from '../runners/index.js';
import { openRunStore } from '../store/index.js';
import { git } from './git.js';
import type { HealDeps } from './types.js';

/** Loads a stage that may not be in this build yet (specifier in a variable: resolved at run time). */
async function optional<T>(specifier: string): Promise<T | undefined> {
  try {
    return (await import(specifier)) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(specifier.replace(/^\.\.\//, ''))) return undefined;
    throw err;
  }
}

async function headCommit(root: string): Promise<{ sha: string; message: string } | undefined> {
  try {
    const out = await git(root, ['log', '-1', '--format=%H%n%B']);
    const [sha, ...rest] = out.split('\n');
    return sha ? { sha, message: rest.join('\n') } : undefined;
  } catch {
    return undefined;
  }
}

/** The real stages: runners, triage, guard (judge + breaker/rate limit/loop prevention), store, the fixer registry (ordered, cheapest first). */
export async function defaultHealDeps(): Promise<HealDeps> {
  const triageMod = await optional<{ triage: HealDeps['triage'] }>('../triage/index.js');
  if (!triageMod?.triage) {
    throw new SutureError('the triage stage is not in this build', { code: 'E_NOT_IMPLEMENTED', hint: 'Rebuild suture (npm run build).' });
  }
  return {
    detectPlan,
    runPlan,
    rerunTests,
    triage: triageMod.triage,
    judge: (patch, o) => judge({ patch }, o),
    async gate({ store, repo, root, config }) {
      if (!store) return { allowed: true };
      // Loop prevention looks at the commit the user is on: suture's own fix commits carry the trailer.
      const head = await headCommit(root);
      const decision = await autoApplyAllowed(store, repo, config, head ? { headCommit: head } : {});
      if (head && head.message.includes(`${config.guard.loop.trailer}:`)) await recordLoopAttempt(store, repo, head.sha);
      return decision;
    },
    openStore: (root, config, warn) => openRunStore({ root, config }, (err) => warn(`store unavailable, continuing without history: ${err.message}`)),
    fixers: [...fixers],
  };
}
