import type { TestResult } from '../../events/index.js';
import { toRepoPath } from '../results/location.js';
import { repro } from '../results/repro.js';
import type { BuildLogExtractor } from './types.js';
import { didYouMean } from './text.js';

// "src/a.ts(3,7): error TS2322: msg" (plain, what CI logs hold) and "src/a.ts:3:7 - error TS2322: msg" (--pretty).
const PLAIN = /^(?<file>[^\s(].*?)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning) (?<code>TS\d+): (?<msg>.*)$/;
const PRETTY = /^(?<file>[^\s].*?):(?<line>\d+):(?<col>\d+) - (?<sev>error|warning) (?<code>TS\d+): (?<msg>.*)$/;
// "error TS5083: Cannot read file '/x/tsconfig.json'." (no file: config and option errors).
const GLOBAL = /^(?<sev>error|warning) (?<code>TS\d+): (?<msg>.*)$/;

/** tsc diagnostics, with chained messages (indented lines that follow) joined into the message. */
export const tscExtractor: BuildLogExtractor = {
  format: 'tsc',
  tools: ['tsc', 'typescript', 'vue-tsc', 'tsgo'],
  sniff(head) {
    const n = head.split('\n', 2000).filter((l) => PLAIN.test(l) || PRETTY.test(l.replace(/\x1b\[[0-9;]*m/g, ''))).length;
    return n >= 2 ? 0.9 : n === 1 ? 0.75 : /^error TS\d+: /m.test(head) ? 0.7 : 0;
  },
  extract(lines, opts, ids) {
    const out: TestResult[] = [];
    for (let i = 0; i < lines.length; i++) {
      const m = PLAIN.exec(lines[i]!) ?? PRETTY.exec(lines[i]!) ?? GLOBAL.exec(lines[i]!);
      if (!m?.groups || m.groups.sev !== 'error') continue;
      let message = m.groups.msg!;
      // Elaboration: the following lines indented by two or more spaces, up to a blank line.
      while (i + 1 < lines.length && /^ {2,}\S/.test(lines[i + 1]!) && !PRETTY.test(lines[i + 1]!.trim())) message += '\n' + lines[++i]!.trim();
      const file = m.groups.file ? toRepoPath(m.groups.file, opts) : undefined;
      out.push({
        kind: 'typecheck',
        framework: 'tsc',
        test_id: ids.next('tsc', file, m.groups.code, message),
        status: 'errored',
        file,
        line: file && m.groups.line ? Number(m.groups.line) : undefined,
        column: file && m.groups.col ? Number(m.groups.col) : undefined,
        error_code: m.groups.code,
        message,
        suggestion: didYouMean(message),
        repro_cmd: repro.tsc('tsconfig.json', opts.package),
        package: opts.package,
      });
    }
    return out;
  },
};
