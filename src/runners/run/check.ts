import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CommandRecord, PlannedCheck, TestResult } from '../../events/index.js';
import { childEnv } from '../../secrets/env.js';
import { parseRustcErrors } from '../cargo/rustc-diagnostics.js';
import { lineDiagnostics } from '../checks/line-diagnostics.js';
import { checkSpec, type CheckSpec } from '../checks/spec.js';
import { resolveBin, resolveOnPath, resolvePython, resolvePythonBin } from '../exec/bin.js';
import { displayCommand } from '../exec/display.js';
import { execCommand } from '../exec/spawn.js';
import { fallbackDiagnostics } from './diagnostics.js';
import type { InvocationOutcome, InvokeOptions } from './invoke.js';
import { commandFailed, timedOut, toolMissing, type CommandFailure } from './synthetic.js';

/** Tools whose one-line diagnostics the ingest extractors leave to lineDiagnostics. */
const LINE_TOOLS = new Set(['go', 'ruff', 'flake8', 'mypy']);

/** Enough of a check's output for every diagnostic a person would read; the rest stays in the log. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

function readCapped(file: string): string {
  try {
    const size = Math.min(statSync(file).size, MAX_OUTPUT_BYTES);
    const buf = Buffer.alloc(size);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, buf, 0, size, 0);
    } finally {
      closeSync(fd);
    }
    return buf.toString('utf8');
  } catch {
    return '';
  }
}

function resolveArgv(spec: CheckSpec, pkgAbs: string, root: string, reportDir: string): string[] {
  const [tool, ...args] = spec.argv.map((a) => a.replace('{outDir}', reportDir));
  const name = tool ?? '';
  const bin =
    spec.resolve === 'node' ? resolveBin(name, pkgAbs)
    : spec.resolve === 'python' ? resolvePython(pkgAbs, root)
    : spec.resolve === 'python-bin' ? resolvePythonBin(name, pkgAbs, root)
    : spec.resolve === 'path' ? resolveOnPath(name)
    : name;
  return [bin ?? name, ...args];
}

/**
 * What a person pastes to see this diagnostic again: the check's own command (binary as resolved, no
 * machine-format flags), narrowed to the file for linters that take files.
 */
function reproFor(spec: CheckSpec, argv: string[], r: TestResult, where: { root: string; pkgDir: string }, pkgAbs: string): string {
  let args = spec.reproArgs ?? argv.slice(1);
  if (spec.extract === 'eslint' && r.file) args = [path.relative(pkgAbs, path.join(where.root, r.file))];
  return displayCommand([argv[0]!, ...args], pkgAbs, where.root);
}

/**
 * Runs one build/typecheck/lint check. Its output goes through the build-log extractors; a check
 * that fails without a diagnostic they recognise becomes one event with the log excerpt. Exit code 0
 * means clean whatever was printed (warnings are not failures).
 */
export async function invokeCheck(
  where: { root: string; pkgDir: string; reportDir: string },
  check: PlannedCheck,
  opts: InvokeOptions,
): Promise<InvocationOutcome> {
  const spec = checkSpec(check);
  const pkgAbs = path.join(where.root, where.pkgDir);
  const slug = check.id.replace(/[^\w.-]+/g, '_');
  mkdirSync(where.reportDir, { recursive: true });
  const logPath = path.join(where.reportDir, `${slug}.log`);
  const stdoutPath = spec.output === 'stdout' ? path.join(where.reportDir, `${slug}.stdout`) : undefined;
  const argv = resolveArgv(spec, pkgAbs, where.root, where.reportDir);
  const command = displayCommand(argv, pkgAbs, where.root);
  const pyEnv: Record<string, string> = spec.resolve.startsWith('python') ? { PYTHONPYCACHEPREFIX: path.join(where.reportDir, 'pycache') } : {};
  const exec = await execCommand({
    argv,
    cwd: pkgAbs,
    env: childEnv({ FORCE_COLOR: '0', NO_COLOR: '1', ...pyEnv, ...spec.env, ...opts.env }),
    logPath,
    stdoutPath,
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
  });
  const record: CommandRecord = {
    package: where.pkgDir,
    id: check.id,
    command,
    exitCode: exec.exitCode,
    signal: exec.signal,
    timedOut: exec.timedOut,
    durationMs: exec.durationMs,
    logPath,
    reportPaths: stdoutPath ? [stdoutPath] : [],
  };
  const failure: CommandFailure = {
    pkgDir: where.pkgDir,
    id: check.id,
    framework: spec.extract ?? spec.tool,
    command,
    exec,
    logPath,
    tool: spec.tool,
    installHint: spec.installHint,
    failKind: check.kind,
  };
  if (exec.spawnError) {
    const missing = exec.spawnError.code === 'ENOENT';
    return { results: [missing ? toolMissing(failure) : commandFailed(failure)], record, toolMissing: missing, exec };
  }
  if (exec.exitCode === 0 && !exec.timedOut) return { results: [], record, toolMissing: false, exec };
  if (exec.timedOut) return { results: [timedOut(failure, opts.timeoutMs)], record, toolMissing: false, exec };
  if (exec.aborted) return { results: [], record, toolMissing: false, exec };

  const read = async (text: string): Promise<TestResult[]> => {
    if (spec.extract === 'rustc') return parseRustcErrors(text, where, check.kind, spec.tool === 'cargo-clippy' ? 'clippy' : 'rustc');
    const found = await fallbackDiagnostics(text, where, spec.extract, check.kind);
    return found.length || !spec.extract || !LINE_TOOLS.has(spec.extract) ? found : lineDiagnostics(text, where, spec.extract, check.kind);
  };
  // A machine format on stdout first (eslint's JSON); the whole log when that says nothing.
  let found: TestResult[] = stdoutPath ? await read(readCapped(stdoutPath)) : [];
  if (!found.length) found = await read(readCapped(logPath));
  const results = found.length ? found : [commandFailed(failure)];
  for (const r of results) r.repro_cmd = reproFor(spec, argv, r, where, pkgAbs);
  return { results, record, toolMissing: false, exec };
}
