import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import type { EventKind, TestResult } from '../../events/index.js';
import type { ExecResult } from '../exec/spawn.js';

/** The last part of a log, where tools print why they stopped. Bounded so a 1 GB log costs nothing. */
export function logTail(file: string, maxBytes = 6000): string {
  try {
    const size = statSync(file).size;
    const len = Math.min(size, maxBytes);
    const buf = Buffer.alloc(len);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, buf, 0, len, size - len);
    } finally {
      closeSync(fd);
    }
    let text = stripVTControlCharacters(buf.toString('utf8'));
    if (size > len) text = text.slice(text.indexOf('\n') + 1);
    return text.trim();
  } catch {
    return '';
  }
}

export interface CommandFailure {
  /** Package dir, repository-relative ('.' for the root). */
  pkgDir: string;
  /** Runner or check id. */
  id: string;
  /** The framework field of the result: the runner id, or the check's tool. */
  framework: string;
  command: string;
  exec: ExecResult;
  logPath: string;
  tool: string;
  installHint?: string;
  /** Kind when the command simply failed (a check's kind; 'runtime' for a test suite). */
  failKind: EventKind;
}

const base = (f: CommandFailure, what: string): Pick<TestResult, 'framework' | 'test_id' | 'package' | 'repro_cmd'> => ({
  framework: f.framework,
  test_id: `${f.framework}:${f.pkgDir}:${f.id}:${what}`,
  package: f.pkgDir === '.' ? undefined : f.pkgDir,
  repro_cmd: f.command,
});

/** The tool is not installed: a build failure (dependencies missing), with how to install it. */
export function toolMissing(f: CommandFailure): TestResult {
  return {
    ...base(f, 'tool-missing'),
    kind: 'build',
    status: 'errored',
    error_class: 'ToolNotFound',
    message: `${f.tool} not found for ${f.pkgDir === '.' ? 'the root package' : f.pkgDir}: looked in node_modules/.bin up to / and in PATH${f.installHint ? ` (install it: ${f.installHint})` : ''}`,
  };
}

/** The command ran out of time and was killed with its process tree. */
export function timedOut(f: CommandFailure, timeoutMs: number): TestResult {
  return {
    ...base(f, 'timeout'),
    kind: 'runtime',
    status: 'errored',
    error_class: 'Timeout',
    message: `${f.command} did not finish within ${Math.round(timeoutMs / 1000)} s and was killed`,
    stack: logTail(f.logPath, 4000) || undefined,
    duration_ms: f.exec.durationMs,
  };
}

/** The command failed (non-zero exit or a signal) and left no test result that explains it. */
export function commandFailed(f: CommandFailure): TestResult {
  const tail = logTail(f.logPath, 4000);
  const how = f.exec.signal ? `was killed by ${f.exec.signal}` : `exited with code ${f.exec.exitCode}`;
  const lastLines = tail.split('\n').filter((l) => l.trim() !== '').slice(-12).join('\n');
  return {
    ...base(f, f.exec.signal ? 'crash' : 'exit'),
    kind: f.failKind,
    status: 'errored',
    error_class: f.exec.signal ? 'Crash' : 'CommandFailed',
    message: `${f.command} ${how}${lastLines ? `:\n${lastLines}` : ''}`,
    stack: tail || undefined,
    duration_ms: f.exec.durationMs,
  };
}
