import path from 'node:path';
import type { EventKind, TestResult } from '../../events/index.js';
import { repoRelative } from '../../events/paths.js';
import { diagnosticIds } from './diagnostic-id.js';

// "path:line[:col]: [error: ]message" as go vet/build, ruff (concise), flake8 and mypy print it.
const LINE = /^(?<file>[^\s:][^:]*\.(?:go|py|pyi)):(?<line>\d+)(?::(?<col>\d+))?: (?:(?<sev>error|warning|note): )?(?<msg>.+)$/;
const CODE_FIRST = /^(?<code>[A-Z]{1,4}\d{2,4})\b(?: \[\*\])? (?<rest>.+)$/;
const CODE_LAST = /^(?<rest>.+?)\s+\[(?<code>[a-z][\w-]*)\]$/;

/**
 * Diagnostics of tools that print one compiler-style line per problem (go vet, go build, ruff,
 * flake8, mypy), which the ingest extractors do not cover. Notes and warnings are not failures.
 * Paths are relative to the directory the tool ran in.
 */
export function lineDiagnostics(text: string, where: { root: string; pkgDir: string }, tool: string, kind: EventKind): TestResult[] {
  const out: TestResult[] = [];
  const idOf = diagnosticIds();
  const pkgAbs = path.join(where.root, where.pkgDir);
  for (const raw of text.split(/\r?\n/)) {
    const m = LINE.exec(raw.trim().replace(/^vet: /, ''));
    if (!m?.groups || m.groups.sev === 'note' || m.groups.sev === 'warning') continue;
    const file = repoRelative(path.resolve(pkgAbs, m.groups.file!), where.root);
    let message = m.groups.msg!.trim();
    let code: string | undefined;
    const first = CODE_FIRST.exec(message);
    const last = first ? null : CODE_LAST.exec(message);
    if (first?.groups) [code, message] = [first.groups.code, first.groups.rest!];
    else if (last?.groups) [code, message] = [last.groups.code, last.groups.rest!];
    out.push({
      kind,
      framework: tool,
      test_id: idOf(tool, file, code, message),
      status: 'failed',
      file,
      line: Number(m.groups.line),
      column: m.groups.col ? Number(m.groups.col) : undefined,
      error_code: code,
      message,
      package: where.pkgDir === '.' ? undefined : where.pkgDir,
    });
  }
  return out;
}
