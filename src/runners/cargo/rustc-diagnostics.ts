import type { EventKind, TestResult } from '../../events/index.js';
import { repoRelative } from '../../events/paths.js';
import { diagnosticIds } from '../checks/diagnostic-id.js';
import path from 'node:path';

const HEADER = /^error(?:\[(?<code>E\d{4})\])?: (?<msg>.+)$/;
const LOCATION = /^\s*--> (?<file>.+?):(?<line>\d+):(?<col>\d+)\s*$/;
const HELP = /^\s*(?:\|\s*[\s^-]*\s*)?(?:= )?help: (?<help>.+)$/;
// Summary lines cargo prints after the real errors; they carry no location and repeat what came before.
const SUMMARY = /^(could not compile|aborting due to|test failed|\d+ targets? failed|Some errors have detailed|For more information about)/;

/**
 * rustc's human-readable errors (cargo build/check/test/clippy output): `error[E0425]: msg` followed by
 * ` --> file:line:col`, and the compiler's own `help:` suggestion. Warnings are not failures and are
 * skipped. Hand-written because no maintained npm package reads rustc's text format; cargo's JSON
 * format would need a second build of everything in a different mode.
 */
export function parseRustcErrors(text: string, where: { root: string; pkgDir: string }, kind: EventKind = 'build', tool = 'rustc'): TestResult[] {
  const lines = text.split(/\r?\n/);
  const out: TestResult[] = [];
  const idOf = diagnosticIds();
  for (let i = 0; i < lines.length; i++) {
    const h = HEADER.exec(lines[i]!);
    if (!h?.groups || SUMMARY.test(h.groups.msg!)) continue;
    let loc: RegExpExecArray | null = null;
    let help: string | undefined;
    let end = i + 1;
    for (; end < Math.min(lines.length, i + 40); end++) {
      const l = lines[end]!;
      if (/^(error|warning)(\[|:)/.test(l)) break;
      loc ??= LOCATION.exec(l);
      help ??= HELP.exec(l)?.groups?.help;
    }
    const pkgAbs = path.join(where.root, where.pkgDir);
    const file = loc?.groups ? repoRelative(path.resolve(pkgAbs, loc.groups.file!), where.root) : undefined;
    const code = h.groups.code;
    const message = h.groups.msg!.trim();
    out.push({
      kind,
      framework: tool,
      test_id: idOf(tool, file, code, message),
      status: 'failed',
      file,
      line: loc?.groups ? Number(loc.groups.line) : undefined,
      column: loc?.groups ? Number(loc.groups.col) : undefined,
      error_class: code ? 'CompileError' : 'Error',
      error_code: code,
      message,
      stack: lines.slice(i, end).join('\n').trimEnd(),
      suggestion: help,
    });
  }
  return out;
}
