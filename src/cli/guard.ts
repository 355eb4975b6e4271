import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config/load.js';
import type { SutureConfig } from '../config/schema.js';
import { ExitCode, InputError, UsageError } from '../errors.js';
import type { Verdict } from '../events/index.js';
import type { JudgeOptions } from '../guard/index.js';
import type { VerdictReport } from '../guard/render/shared.js';
import { diffRevs, diffWorktree, mergeBase, resolveRev, runGit } from '../guard/source/git.js';
import { repoId } from '../util/repo-id.js';
import { openStore, storeExists, withStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import type { RegisterCommand, SetExitCode } from './types.js';

/** git's well-known empty tree: the base of a repository's first commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

interface GuardFlags {
  base?: string;
  head?: string;
  patch?: string;
  format: 'text' | 'markdown' | 'json' | 'sarif';
  dryRun?: boolean;
  confidence?: string;
  coverageBase?: string;
  coverageHead?: string;
  root: string;
}

async function readPatch(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read patch ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { code: 'E_PATCH_READ', hint: 'Give a file made by `git diff` or `diff -u`, or - for stdin.' });
  }
}

async function hasCommits(root: string): Promise<boolean> {
  try {
    await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
    return true;
  } catch {
    return false;
  }
}

/** Works out what to judge from the flags: a patch file, two revisions, one commit, or the working tree. */
async function subjectOf(root: string, f: GuardFlags): Promise<{ diff: string; subject: string; opts: Pick<JudgeOptions, 'base' | 'head'> }> {
  if (f.patch !== undefined) {
    if (f.base !== undefined || f.head !== undefined) throw new UsageError('--patch cannot be combined with --base/--head', { code: 'E_GUARD_FLAGS', hint: 'Judge either a patch file or a range of revisions.' });
    return { diff: await readPatch(f.patch), subject: f.patch === '-' ? 'patch from stdin' : `patch ${f.patch}`, opts: {} };
  }
  if (f.head !== undefined) {
    const head = await resolveRev(root, f.head);
    let base: string;
    if (f.base !== undefined) base = await mergeBase(root, await resolveRev(root, f.base), head);
    else {
      const parents = (await runGit(root, ['rev-list', '--parents', '-n', '1', head])).toString('utf8').trim().split(' ');
      base = parents[1] ?? EMPTY_TREE;
    }
    return { diff: await diffRevs(root, base, head), subject: f.base !== undefined ? `${f.base}...${f.head}` : `commit ${f.head}`, opts: { base, head } };
  }
  const base = f.base !== undefined ? await resolveRev(root, f.base) : (await hasCommits(root)) ? await resolveRev(root, 'HEAD') : EMPTY_TREE;
  return { diff: await diffWorktree(root, base), subject: `working tree vs ${f.base ?? 'HEAD'}`, opts: { base } };
}

function parseConfidence(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--confidence must be a number from 0 to 1, got '${v}'`, { code: 'E_GUARD_FLAGS' });
  return n;
}

/** Opens the store only when it already exists: judging never creates history, it only reads approvals. */
async function existingStore(root: string, config: SutureConfig): Promise<Store | undefined> {
  return storeExists({ root, config }).exists ? openStore({ root, config }) : undefined;
}

async function render(format: GuardFlags['format'], report: VerdictReport, patchFile?: string): Promise<string> {
  if (format === 'json') return (await import('../guard/render/json.js')).renderJson(report);
  if (format === 'markdown') return (await import('../guard/render/markdown.js')).renderMarkdown(report);
  if (format === 'sarif') return `${JSON.stringify((await import('../report/sarif.js')).renderSarif(report.verdict, { subject: report.subject, ...(patchFile ? { patchFile } : {}) }), null, 2)}\n`;
  return (await import('../guard/render/text.js')).renderText(report);
}

/** The guard (TypeScript parser, tree-sitter) loads only when a guard command runs, not on every `suture`. */
const guardApi = (): Promise<typeof import('../guard/index.js')> => import('../guard/index.js');

export function exitCodeFor(verdict: Verdict, dryRun: boolean): number {
  if (dryRun || verdict.decision === 'pass') return ExitCode.OK;
  return verdict.decision === 'block' ? ExitCode.FAILURES : ExitCode.NEEDS_APPROVAL;
}

async function runGuard(f: GuardFlags, setExitCode: SetExitCode): Promise<void> {
  const root = path.resolve(f.root);
  const config = await loadConfig(root);
  const confidence = parseConfidence(f.confidence);
  const { diff, subject, opts } = await subjectOf(root, f);
  const { judge, parseDiff, toPatch } = await guardApi();
  const files = parseDiff(diff);
  const patch = toPatch(diff, files);
  const store = await existingStore(root, config);
  try {
    const coverage = { ...(f.coverageBase ? { base: path.resolve(f.coverageBase) } : {}), ...(f.coverageHead ? { head: path.resolve(f.coverageHead) } : {}) };
    const verdict = await judge({ patch }, { root, config, ...opts, ...(confidence !== undefined ? { confidence } : {}), ...(store ? { store } : {}), coverage });
    process.stdout.write(await render(f.format, { verdict, files: files.length, linesAdded: patch.linesAdded, linesRemoved: patch.linesRemoved, subject, dryRun: f.dryRun === true }, files[0]?.path));
    setExitCode(exitCodeFor(verdict, f.dryRun === true));
  } finally {
    await store?.close();
  }
}

async function whoAmI(root: string, by: string | undefined): Promise<string> {
  if (by) return by;
  try {
    const name = (await runGit(root, ['config', 'user.name'])).toString('utf8').trim();
    if (name) return name;
  } catch {
    /* fall through */
  }
  throw new UsageError('cannot tell who is approving', { code: 'E_NO_APPROVER', hint: 'Pass --by NAME or set git config user.name.' });
}

export const registerGuard: RegisterCommand = (program, setExitCode) => {
  const guard = program
    .command('guard')
    .description('judge a diff against the policy: pass / needs-approval / block (exit 0 / 6 / 1)')
    .option('--base <rev>', 'base revision (with --head: their merge base; alone: against the working tree)')
    .option('--head <rev>', 'head revision (alone: that commit against its parent)')
    .option('--patch <file>', 'judge a unified diff file (- for stdin) against the directory')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json', 'sarif']).default('text'))
    .option('--dry-run', 'report the verdict but always exit 0')
    .option('--confidence <n>', 'triage confidence behind the patch (0-1); enables the risk gate')
    .option('--coverage-base <file>', 'coverage report of the base (overrides guard.coverage.base)')
    .option('--coverage-head <file>', 'coverage report of the head (overrides guard.coverage.head)')
    .option('--root <dir>', 'repository root', '.')
    .action((flags: GuardFlags) => runGuard(flags, setExitCode));
  registerApprove(guard);
  registerReset(guard);
  registerStatus(guard);
};

function registerApprove(guard: Command): void {
  guard
    .command('approve')
    .description('record a second key for one exact patch (its hash), who and when')
    .argument('<patch-hash>', 'the patch hash `suture guard` printed')
    .option('--by <name>', 'who approves (default: git config user.name)')
    .option('--note <text>', 'why')
    .option('--root <dir>', 'repository root', '.')
    .action(async (hash: string, f: { by?: string; note?: string; root: string }) => {
      const root = path.resolve(f.root);
      const config = await loadConfig(root);
      const approver = await whoAmI(root, f.by);
      const { recordApproval } = await guardApi();
      const row = await withStore({ root, config }, (s) => recordApproval(s, { patchHash: hash, approver, ...(f.note ? { note: f.note } : {}) }));
      process.stdout.write(`approved ${row.patchHash} by ${row.approver} at ${row.at}\n`);
    });
}

function registerReset(guard: Command): void {
  guard
    .command('reset')
    .description('close the circuit breaker; attempts before now stop counting')
    .option('--by <name>', 'who resets (default: git config user.name)')
    .option('--root <dir>', 'repository root', '.')
    .action(async (f: { by?: string; root: string }) => {
      const root = path.resolve(f.root);
      const config = await loadConfig(root);
      const by = await whoAmI(root, f.by);
      const repo = await repoId(root);
      const { resetBreaker } = await guardApi();
      await withStore({ root, config }, (s) => resetBreaker(s, repo, by));
      process.stdout.write(`circuit breaker closed for ${repo} by ${by}\n`);
    });
}

function registerStatus(guard: Command): void {
  guard
    .command('status')
    .description('circuit breaker state, recent success rate and automatic proposals in the last 24 hours')
    .option('--json', 'print as JSON')
    .option('--root <dir>', 'repository root', '.')
    .action(async (f: { json?: boolean; root: string }) => {
      const root = path.resolve(f.root);
      const config = await loadConfig(root);
      const repo = await repoId(root);
      const { guardStatus } = await guardApi();
      const status = await withStore({ root, config }, (s) => guardStatus(s, repo, config));
      if (f.json) return void process.stdout.write(`${JSON.stringify({ repo, ...status }, null, 2)}\n`);
      const rate = status.successRate === null ? 'no attempts yet' : `${Math.round(status.successRate * 100)}% of the last ${status.countedAttempts} attempts`;
      process.stdout.write(
        `repo             ${repo}\nbreaker          ${status.breaker}${status.reason ? ` (${status.reason}${status.since ? `, since ${status.since}` : ''})` : ''}\n` +
          `success rate     ${rate}\nproposals today  ${status.proposalsToday} of ${status.maxProposalsPerDay}\n`,
      );
    });
}
