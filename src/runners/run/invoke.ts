import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { CommandRecord, TestResult } from '../../events/index.js';
import { childEnv } from '../../secrets/env.js';
import { displayCommand } from '../exec/display.js';
import { execCommand, type ExecResult } from '../exec/spawn.js';
import { parseReport } from '../report/ingest.js';
import type { Invocation, Runner, SuiteContext } from '../types.js';
import { commandFailed, logTail, timedOut, toolMissing, type CommandFailure } from './synthetic.js';
import { fallbackDiagnostics } from './diagnostics.js';

export interface InvokeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  env?: Record<string, string>;
}

export interface InvocationOutcome {
  results: TestResult[];
  record: CommandRecord;
  toolMissing: boolean;
  exec: ExecResult;
}

/** Output a tool prints when the thing it was asked to run is not installed (python -m pytest, sh). */
const MISSING_IN_LOG = /No module named (pytest|ruff|mypy|flake8)\b|: (command )?not found$|command not found/m;

/**
 * Runs one invocation of a test runner and reads everything it reported. Never throws for the
 * command's sake: a missing tool, a timeout, a crash or a report that cannot be read all come back
 * as results (kind build/runtime) carrying the log excerpt.
 */
export async function invokeSuite(ctx: SuiteContext, runner: Runner, inv: Invocation, opts: InvokeOptions): Promise<InvocationOutcome> {
  mkdirSync(ctx.reportDir, { recursive: true });
  // A report left by an earlier run in the same directory must never pass for this run's.
  for (const spec of inv.reports) if (!spec.glob) rmSync(spec.path, { force: true });
  const logPath = path.join(ctx.reportDir, `${runner.id}.log`);
  const stdoutPath = inv.stdoutReport ? path.join(ctx.reportDir, `${runner.id}.stdout`) : undefined;
  const command = displayCommand(inv.argv, inv.cwd, ctx.root);
  const startedAt = Date.now();
  const exec = await execCommand({
    argv: inv.argv,
    cwd: inv.cwd,
    env: childEnv({ ...inv.env, ...opts.env }),
    logPath,
    stdoutPath,
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
  });

  const reports = await existingReports(inv, startedAt);
  if (stdoutPath) reports.push({ path: stdoutPath, format: inv.stdoutReport?.format });
  const reportPaths = reports.map((r) => r.path);
  const failure: CommandFailure = {
    pkgDir: ctx.pkgDir,
    id: runner.id,
    framework: runner.id,
    command,
    exec,
    logPath,
    tool: inv.tool,
    installHint: inv.installHint,
    failKind: 'runtime',
  };
  const record: CommandRecord = {
    package: ctx.pkgDir,
    id: runner.id,
    command,
    exitCode: exec.exitCode,
    signal: exec.signal,
    timedOut: exec.timedOut,
    durationMs: exec.durationMs,
    logPath,
    reportPaths,
  };
  if (exec.spawnError) {
    // spawn says ENOENT for a missing working directory too: that is not a missing tool.
    const missing = exec.spawnError.code === 'ENOENT' && existsSync(inv.cwd);
    const r = missing ? toolMissing(failure) : commandFailed({ ...failure, exec: { ...exec, exitCode: null } });
    if (!missing) r.message = `${command} could not start: ${existsSync(inv.cwd) ? exec.spawnError.message : `the directory ${inv.cwd} does not exist`}`;
    return { results: [r], record, toolMissing: missing, exec };
  }

  const results: TestResult[] = [];
  let readError: string | undefined;
  try {
    const source = runner.readResults ? runner.readResults(ctx, inv, { exec, logPath, stdoutPath }) : readReports(ctx, reports);
    for await (const r of source) results.push(finish(ctx, runner, r, command));
  } catch (err) {
    // A truncated or malformed report (the run crashed mid-write): keep what was read, say what broke.
    readError = (err as Error).message;
  }

  const failed = results.some((r) => r.status === 'failed' || r.status === 'errored');
  const exitFailed = exec.exitCode !== 0 && !(exec.exitCode !== null && inv.okExitCodes?.includes(exec.exitCode));
  if (exec.timedOut) results.push(timedOut(failure, opts.timeoutMs));
  else if ((exitFailed || readError) && !failed && !exec.aborted) {
    const tail = logTail(logPath);
    if (exitFailed && MISSING_IN_LOG.test(tail)) return { results: [toolMissing(failure)], record, toolMissing: true, exec };
    const own = runner.diagnose ? runner.diagnose(ctx, logTail(logPath, 1 << 20)).map((r) => finish(ctx, runner, r, command)) : [];
    const diagnostics = own.length ? own : await fallbackDiagnostics(tail, ctx);
    if (diagnostics.length) results.push(...diagnostics);
    else {
      const r = commandFailed(failure);
      if (readError) r.message = `${r.message}\nreport could not be read: ${readError}`;
      results.push(r);
    }
  }
  return { results, record, toolMissing: false, exec };
}

/** Report files the invocation wrote; globbed reports only count when written by this run. */
async function existingReports(inv: Invocation, since: number): Promise<Array<{ path: string; format?: string }>> {
  const out: Array<{ path: string; format?: string }> = [];
  for (const spec of inv.reports) {
    if (!spec.glob) {
      if (existsSync(spec.path)) out.push({ path: spec.path, format: spec.format });
      continue;
    }
    const found = await glob(spec.path, { cwd: inv.cwd, absolute: true, ignore: ['**/node_modules/**'] });
    // One second of slack for filesystems with coarse timestamps.
    for (const f of found.sort()) if (statSync(f).mtimeMs >= since - 1000) out.push({ path: f, format: spec.format });
  }
  return out;
}

async function* readReports(ctx: SuiteContext, reports: Array<{ path: string; format?: string }>): AsyncGenerator<TestResult> {
  const pkg = ctx.pkgDir === '.' ? undefined : ctx.pkgDir;
  for (const r of reports) yield* parseReport(r.path, { repoRoot: ctx.root, package: pkg, format: r.format });
}

/** Stamps what the runner knows better than the report: framework, package, file location, repro. */
function finish(ctx: SuiteContext, runner: Runner, input: TestResult, command: string): TestResult {
  let r = runner.normalize ? runner.normalize(ctx, input) : input;
  const own = r.kind === (runner.resultKind ?? 'test');
  if (r.kind === 'test') r = { ...r, framework: runner.id };
  if (ctx.pkgDir !== '.') r.package = ctx.pkgDir;
  else delete r.package;
  if (r.file && ctx.pkgDir !== '.' && !path.isAbsolute(r.file) && !existsSync(path.join(ctx.root, r.file))) {
    const inPkg = path.posix.join(ctx.pkgDir, r.file);
    if (existsSync(path.join(ctx.root, inPkg))) r.file = inPkg;
  }
  if (r.status !== 'passed' && r.status !== 'skipped') {
    // A test gets the runner's one-test command; a compile error found in a test run, the run's command.
    const repro = own && runner.reproCommand ? runner.reproCommand(ctx, r) : command;
    if (repro) r.repro_cmd = repro;
  }
  return r;
}
