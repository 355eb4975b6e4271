import { fixers } from '../fixers/registry.js';
import { autoApplyAllowed, judge, recordLoopAttempt } from '../guard/index.js';
import { detectPlan, rerunTests, runPlan } from '../runners/index.js';
import { openRunStore } from '../store/index.js';
import { triage } from '../triage/index.js';
import { git } from './git.js';
import type { HealDeps } from './types.js';

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
export function defaultHealDeps(): HealDeps {
  return {
    detectPlan,
    runPlan,
    rerunTests,
    triage: (events, o) => triage(events, o),
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
