import path from 'node:path';
import type { TestResult } from '../../events/index.js';
import { repoRelative } from '../../events/paths.js';

/**
 * Reads `cargo test` text output (stdout and stderr interleaved, as written to one log). libtest's
 * JSON output is nightly-only, so the stable human format is the contract here: cargo announces each
 * test binary ("Running unittests src/lib.rs (target/debug/deps/name-hash)", "Running tests/x.rs (...)",
 * "Doc-tests name"), libtest prints one line per test ("test a::b ... ok|FAILED|ignored") and then a
 * "---- a::b stdout ----" section per failure with the panic location and message.
 */

export interface CargoTarget {
  /** cargo's flag selecting the binary: "--lib", "--bin name", "--test name", "--doc", "--bench name", "--example name". */
  flag: string[];
  /** Repository-relative source file of the target (the test_id scope). */
  source?: string;
}

const RUNNING = /^\s*Running (?:(unittests) )?(\S+) \((.+)\)\s*$/;
const DOC_TESTS = /^\s*Doc-tests (\S+)\s*$/;
const TEST_LINE = /^test (.+?) \.\.\. (ok|FAILED|ignored(?:, .*)?)$/;
const SECTION = /^---- (.+?) stdout ----$/;
// Rust >= 1.73: "thread 'x' (123) panicked at src/lib.rs:30:9:" then the message; older: "... panicked at 'msg', src/lib.rs:30:9".
const PANIC_NEW = /^thread '.*?'(?: \(\d+\))? panicked at (.+?):(\d+):(\d+):$/;
const PANIC_OLD = /^thread '.*?'(?: \(\d+\))? panicked at '(.*)', (.+?):(\d+):(\d+)$/;
// Older rustc quotes a multi-line message (assert_eq's left/right) across lines: the quote closes on a later line.
const PANIC_OLD_OPEN = /^thread '.*?'(?: \(\d+\))? panicked at '(.*)$/;
const PANIC_OLD_CLOSE = /^(.*)', (.+?):(\d+):(\d+)$/;

function binaryName(artifact: string): string {
  return path.basename(artifact).replace(/-[0-9a-f]{8,}(\.exe)?$/, '');
}

/** The target a "Running" line announces. */
export function targetOf(kind: string | undefined, src: string, artifact: string, pkgDir: string): CargoTarget {
  const source = path.posix.join(pkgDir === '.' ? '' : pkgDir, src.replace(/\\/g, '/'));
  const name = binaryName(artifact);
  if (kind === 'unittests') {
    if (/(^|\/)src\/lib\.rs$/.test(src)) return { flag: ['--lib'], source };
    return { flag: ['--bin', name], source };
  }
  const dir = src.split('/')[0];
  if (dir === 'benches') return { flag: ['--bench', name], source };
  if (dir === 'examples') return { flag: ['--example', name], source };
  return { flag: ['--test', name], source };
}

/** The suite field of a result: the target as cargo names it ("lib", "test network", "doc"). */
export const targetSuite = (t: CargoTarget): string => t.flag.join(' ').replace(/^--/, '');

/** The target flags back from a suite field: "test network" -> ["--test", "network"]. */
export const suiteFlags = (suite: string | undefined): string[] => {
  if (!suite) return [];
  const [kind, ...name] = suite.split(' ');
  return [`--${kind}`, ...name];
};

export function parseCargoTest(text: string, where: { root: string; pkgDir: string }): TestResult[] {
  const lines = text.split(/\r?\n/);
  const pkg = where.pkgDir === '.' ? undefined : where.pkgDir;
  const results: TestResult[] = [];
  const byName = new Map<string, TestResult>();
  let target: CargoTarget = { flag: [] };
  let section: { result: TestResult; body: string[] } | undefined;

  const closeSection = () => {
    if (!section) return;
    applyFailureText(section.result, section.body, where);
    section = undefined;
  };

  for (const line of lines) {
    const run = RUNNING.exec(line);
    const doc = run ? null : DOC_TESTS.exec(line);
    if (run || doc) {
      closeSection();
      target = run ? targetOf(run[1], run[2]!, run[3]!, where.pkgDir) : { flag: ['--doc'], source: path.posix.join(pkg ?? '', 'src/lib.rs') };
      byName.clear();
      continue;
    }
    const t = TEST_LINE.exec(line);
    if (t) {
      const [, name, outcome] = t;
      const status = outcome === 'ok' ? 'passed' : outcome === 'FAILED' ? 'failed' : 'skipped';
      const r: TestResult = {
        kind: 'test',
        framework: 'cargo',
        test_id: `${target.flag[0] === '--doc' ? `${pkg ? `${pkg}/` : ''}doc-tests` : target.source ?? targetSuite(target)}::${name}`,
        status,
        suite: targetSuite(target),
        name: name!,
        package: pkg,
      };
      results.push(r);
      byName.set(name!, r);
      continue;
    }
    const s = SECTION.exec(line);
    if (s) {
      closeSection();
      const r = byName.get(s[1]!);
      if (r) section = { result: r, body: [] };
      continue;
    }
    if (section) {
      if (/^(failures|successes):$/.test(line)) closeSection();
      else section.body.push(line);
    }
  }
  closeSection();
  for (const r of results) {
    if (r.status === 'failed' && r.message === undefined) r.message = 'test failed';
  }
  return results;
}

function applyFailureText(r: TestResult, body: string[], where: { root: string; pkgDir: string }): void {
  const text = body.join('\n').trim();
  r.stack = text;
  const pkgAbs = path.join(where.root, where.pkgDir);
  const locate = (file: string, line: string, col: string) => {
    const rel = repoRelative(path.resolve(pkgAbs, file), where.root);
    if (rel) Object.assign(r, { file: rel, line: Number(line), column: Number(col) });
  };
  for (let i = 0; i < body.length; i++) {
    const l = body[i]!;
    const n = PANIC_NEW.exec(l);
    if (n) {
      locate(n[1]!, n[2]!, n[3]!);
      const msg: string[] = [];
      for (let j = i + 1; j < body.length && !/^(note: |stack backtrace:)/.test(body[j]!); j++) msg.push(body[j]!);
      r.message = msg.join('\n').trim() || 'panicked';
      r.error_class = 'panic';
      return;
    }
    const o = PANIC_OLD.exec(l);
    if (o) {
      locate(o[2]!, o[3]!, o[4]!);
      r.message = o[1]!;
      r.error_class = 'panic';
      return;
    }
    const open = PANIC_OLD_OPEN.exec(l);
    if (open) {
      for (let j = i + 1; j < Math.min(body.length, i + 200); j++) {
        const close = PANIC_OLD_CLOSE.exec(body[j]!);
        if (!close) continue;
        locate(close[2]!, close[3]!, close[4]!);
        r.message = [open[1]!, ...body.slice(i + 1, j), close[1]!].join('\n');
        r.error_class = 'panic';
        return;
      }
    }
  }
  r.message = text.split('\n').find((l) => l.trim() !== '') ?? 'test failed';
}
