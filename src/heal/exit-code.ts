import { ExitCode } from '../errors.js';
import type { HealResult } from './types.js';

/**
 * 0: everything green, or every cluster healed (flaky ones are reported, not failures of the run);
 * 1: something was escalated or only proposed, or a test command could not run;
 * the store's own code (4) when the store failed mid-run (the reports were still written).
 */
export function healExitCode(r: HealResult): number {
  if (r.storeFailure) return r.storeFailure.exitCode;
  const open = r.clusters.some((c) => c.resolution === 'escalated' || c.resolution === 'proposed' || c.resolution === 'skipped');
  return open || r.commandProblems.length > 0 ? ExitCode.FAILURES : ExitCode.OK;
}
