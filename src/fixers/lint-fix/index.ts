import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FailureEvent } from '../../events/index.js';
import { execTool } from '../shared/exec.js';
import { isInside, toWorktreeRelative } from '../shared/worktree-path.js';
import type { Fixer, FixContext, FixResult } from '../types.js';
import { toolFor, type LintTool } from './tools.js';

const PROJECT_MARKERS = ['package.json', 'pyproject.toml', 'setup.cfg', 'go.mod', 'eslint.config.js', 'eslint.config.mjs', '.prettierrc'];
/** More files than this in one failure is a reformat of the project, not a fix. */
const MAX_FILES = 50;

/**
 * The project's own formatter/linter fixers (eslint --fix, prettier --write, ruff, black, gofmt), run
 * with the project's binaries on exactly the files the failure names, from the nearest project
 * directory (where the tool's config is found). Refuses when the tool changed nothing.
 */
export const lintFixFixer: Fixer = {
  id: 'lint-fix',
  cost: 'free',
  appliesTo: (_cluster, events) => events.some((e) => toolFor(e) !== undefined),
  async propose(ctx: FixContext): Promise<FixResult> {
    const jobs = planJobs(ctx.events, ctx.worktree);
    if (jobs.size === 0) return { kind: 'pass', reason: 'no lint or format failure naming a file in the worktree' };
    const changed: string[] = [];
    const refused: string[] = [];
    for (const job of jobs.values()) {
      if (job.files.length > MAX_FILES) {
        refused.push(`${job.tool.id}: ${job.files.length} files is a project-wide reformat, not a fix (limit ${MAX_FILES})`);
        continue;
      }
      const cmd = await job.tool.command(job.files, job.cwd, ctx.worktree);
      if ('missing' in cmd) {
        refused.push(cmd.missing);
        continue;
      }
      const before = await snapshot(job.files);
      ctx.log(`lint-fix: ${job.tool.id} on ${job.files.length} file(s) in ${toWorktreeRelative(ctx.worktree, job.cwd) || '.'}`);
      const r = await execTool(cmd.argv[0]!, cmd.argv.slice(1), { cwd: job.cwd, signal: ctx.signal, timeoutMs: 180_000, env: { FORCE_COLOR: '0', NO_COLOR: '1' } });
      if (r.timedOut) {
        refused.push(`${job.tool.id} timed out`);
        continue;
      }
      if (!job.tool.okCodes.includes(r.code ?? -1)) {
        refused.push(`${job.tool.id} failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`);
        continue;
      }
      const after = await snapshot(job.files);
      const touched = job.files.filter((f) => before.get(f) !== after.get(f)).map((f) => toWorktreeRelative(ctx.worktree, f));
      if (touched.length) changed.push(`${job.tool.id}: ${touched.join(', ')}`);
      else refused.push(`${job.tool.id} changed nothing in ${job.files.map((f) => toWorktreeRelative(ctx.worktree, f)).join(', ')}${job.rules.size ? ` (rules ${[...job.rules].join(', ')} have no automatic fix)` : ''}`);
    }
    if (changed.length) return { kind: 'edited', summary: `ran the project's fixers on the failing files: ${changed.join('; ')}${refused.length ? `; not fixed: ${refused.join('; ')}` : ''}` };
    return { kind: 'unfixable', reason: refused.join('; ') };
  },
};

interface Job {
  tool: LintTool;
  cwd: string;
  files: string[];
  rules: Set<string>;
}

/** Groups the failure's files by tool and project directory (one command each). */
function planJobs(events: FailureEvent[], worktree: string): Map<string, Job> {
  const jobs = new Map<string, Job>();
  for (const e of events) {
    const found = toolFor(e);
    if (!found) continue;
    const base = path.join(worktree, e.package ?? '.');
    for (const f of found.files) {
      const abs = resolveListed(f, base, worktree);
      if (!abs) continue;
      const cwd = projectDir(abs, worktree);
      const key = `${found.tool.id}\0${cwd}`;
      const job = jobs.get(key) ?? { tool: found.tool, cwd, files: [], rules: new Set<string>() };
      if (!job.files.includes(abs)) job.files.push(abs);
      if (e.error_code) job.rules.add(e.error_code);
      jobs.set(key, job);
    }
  }
  return jobs;
}

/** A path a tool printed: relative to the package it ran in, or to the repository root. */
function resolveListed(file: string, base: string, worktree: string): string | undefined {
  for (const p of path.isAbsolute(file) ? [file] : [path.resolve(base, file), path.resolve(worktree, file)]) {
    const rel = toWorktreeRelative(worktree, p);
    if (isInside(worktree, p) && !rel.split('/').includes('node_modules') && existsSync(p)) return p;
  }
  return undefined;
}

function projectDir(abs: string, worktree: string): string {
  for (let dir = path.dirname(abs); isInside(worktree, dir); dir = path.dirname(dir)) {
    if (PROJECT_MARKERS.some((m) => existsSync(path.join(dir, m)))) return dir;
    if (dir === worktree) break;
  }
  return worktree;
}

async function snapshot(files: string[]): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (const f of files) m.set(f, await readFile(f, 'utf8').catch(() => ''));
  return m;
}

export default lintFixFixer;
