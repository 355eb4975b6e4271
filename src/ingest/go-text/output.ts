import { DIAGNOSTIC, LOG_LINE, PANIC_LINE, RESULT_LINE, STATE_LINE, indentWidth } from './lines.js';

export interface LogEntry {
  file: string;
  line: number;
  text: string;
}

export interface OutputAnalysis {
  entries: LogEntry[];
  panic?: string;
  /** The output with go test's own bookkeeping lines removed. */
  text: string;
}

const BOOKKEEPING = /^(PASS|FAIL|ok\s.*|FAIL\s.*|exit status \d+|coverage: .*|testing: warning: no tests to run)\s*$/;

/** Finds t.Log/t.Error entries (with their continuation lines) and a panic in one test's output. */
export function analyseOutput(lines: string[]): OutputAnalysis {
  const kept: string[] = [];
  const entries: LogEntry[] = [];
  let panic: string | undefined;
  let current: { entry: LogEntry; indent: number } | undefined;
  for (const raw of lines) {
    const line = raw.replace(/\n$/, '');
    if (STATE_LINE.test(line) || RESULT_LINE.test(line) || BOOKKEEPING.test(line)) continue;
    kept.push(line);
    if (panic !== undefined) continue;
    const p = PANIC_LINE.exec(line);
    if (p && !LOG_LINE.test(line)) {
      panic = p.groups!.text!;
      current = undefined;
      continue;
    }
    const log = LOG_LINE.exec(line);
    if (log) {
      const entry = { file: log.groups!.file!, line: Number(log.groups!.line), text: log.groups!.text! };
      entries.push(entry);
      current = { entry, indent: indentWidth(log.groups!.indent!) };
      continue;
    }
    if (current && line.trim() !== '' && indentWidth(/^\s*/.exec(line)![0]) > current.indent) {
      current.entry.text += '\n' + line.trim();
    } else current = undefined;
  }
  while (kept.length && kept[kept.length - 1]!.trim() === '') kept.pop();
  return { entries, panic, text: kept.join('\n') };
}

export interface BuildDiagnostic {
  path: string;
  line: number;
  column?: number;
  message: string;
}

/** Compiler/vet errors of a package that did not build ("x_test.go:6:5: undefined: y" plus indented detail). */
export function buildDiagnostics(lines: string[]): BuildDiagnostic[] {
  const out: BuildDiagnostic[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\n$/, '');
    const d = DIAGNOSTIC.exec(line);
    if (d) {
      out.push({ path: d.groups!.file!, line: Number(d.groups!.line), column: d.groups!.column ? Number(d.groups!.column) : undefined, message: d.groups!.message! });
    } else if (/^\s+\S/.test(line) && out.length) {
      out[out.length - 1]!.message += '\n' + line.trim();
    }
  }
  return out;
}
