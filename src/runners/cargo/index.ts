import { readFileSync } from 'node:fs';
import { dig } from '../detect/package-info.js';
import { resolveOnPath } from '../exec/bin.js';
import { displayCommand } from '../exec/display.js';
import type { Runner, SuiteContext, TestRef } from '../types.js';
import { parseCargoTest, suiteFlags } from './parse.js';
import { parseRustcErrors } from './rustc-diagnostics.js';

const cargo = () => resolveOnPath('cargo') ?? 'cargo';
const env = { CARGO_TERM_COLOR: 'never' };
const installHint = 'install Rust from https://rustup.rs';

/** Results keep the target ("lib", "test network") as their suite. */
const targetFlag = (t: TestRef): string[] => suiteFlags(t.suite);

function targeted(ctx: SuiteContext, tests: TestRef[]): string[] {
  const flags = new Map<string, string[]>();
  for (const t of tests) flags.set(t.suite ?? '', targetFlag(t));
  // cargo refuses --doc beside other target flags: doc tests are re-run on their own.
  if (flags.size > 1) flags.delete('doc');
  const names = [...new Set(tests.map((t) => t.name ?? ''))].filter((n) => n !== '');
  return [cargo(), 'test', '--no-fail-fast', ...[...flags.values()].flat(), '--', '--exact', ...names];
}

export const cargoRunner: Runner = {
  id: 'cargo',
  label: 'cargo test',
  detect(pkg) {
    const manifest = pkg.cargoToml;
    if (!manifest || dig(manifest, 'package') === undefined) return null;
    const name = dig(manifest, 'package', 'name');
    return { runner: 'cargo', detectedBy: `Cargo.toml [package]${typeof name === 'string' ? ` "${name}"` : ''}`, command: 'cargo test --no-fail-fast' };
  },
  fullRun: (ctx) => ({ argv: [cargo(), 'test', '--no-fail-fast'], cwd: ctx.pkgAbs, env, reports: [], tool: 'cargo', installHint }),
  targetedRun: (ctx, tests) => ({ argv: targeted(ctx, tests), cwd: ctx.pkgAbs, env, reports: [], tool: 'cargo' }),
  // The log is the report: libtest's stable output is text; compile errors come from rustc's text.
  async *readResults(ctx, _inv, run) {
    const text = readFileSync(run.logPath, 'utf8');
    const where = { root: ctx.root, pkgDir: ctx.pkgDir };
    const tests = parseCargoTest(text, where);
    yield* tests;
    if (run.exec.exitCode !== 0 && !tests.some((t) => t.status === 'failed')) yield* parseRustcErrors(text, where, 'build', 'rustc');
  },
  reproCommand: (ctx, test) => displayCommand([cargo(), 'test', ...targetFlag(test), '--', '--exact', test.name ?? ''], ctx.pkgAbs, ctx.root),
};
