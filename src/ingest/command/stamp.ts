import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { EventStamp } from '../../events/index.js';
import { childEnv } from '../../secrets/env.js';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd, env: childEnv(), timeout: 10_000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined; // not a repository, no git, no commits yet: events are stamped without it
  }
}

/** The repository root of `cwd` when inside a git work tree. */
export function gitTopLevel(cwd: string): Promise<string | undefined> {
  return git(cwd, ['rev-parse', '--show-toplevel']);
}

/** run_id (given or generated), the time, and the commit and branch when `repoRoot` is a git checkout. */
export async function makeStamp(repoRoot: string, runId?: string, now = new Date()): Promise<EventStamp> {
  const [commit, branch] = await Promise.all([git(repoRoot, ['rev-parse', 'HEAD']), git(repoRoot, ['rev-parse', '--abbrev-ref', 'HEAD'])]);
  const stamp: EventStamp = { run_id: runId ?? `ingest-${randomUUID()}`, ts: now.toISOString() };
  if (commit) stamp.commit = commit;
  if (branch && branch !== 'HEAD') stamp.branch = branch;
  return stamp;
}
