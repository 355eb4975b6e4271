import type { TestResult } from '../../events/index.js';
import { toRepoPath } from '../results/location.js';
import { repro } from '../results/repro.js';
import type { BuildLogExtractor } from './types.js';

// "  4:14  error  'readFile' is not defined  no-undef" under a line naming the file.
const PROBLEM = /^\s+(?<line>\d+):(?<col>\d+)\s+(?<sev>error|warning)\s+(?<msg>.+?)(?:\s{2,}(?<rule>[@\w][\w@/.-]*))?\s*$/;
const FILE = /^(?:[A-Za-z]:\\|\/|\.{0,2}[\w@-])\S*\.\w+$/;
const SUMMARY = /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/m;

/** ESLint's default "stylish" formatter: a file line, then one indented line per problem. */
export const eslintStylishExtractor: BuildLogExtractor = {
  format: 'eslint',
  tools: ['eslint'],
  sniff(head) {
    const problems = head.split('\n', 2000).filter((l) => PROBLEM.test(l)).length;
    if (SUMMARY.test(head)) return problems ? 0.9 : 0.6;
    return problems >= 2 ? 0.6 : 0;
  },
  extract(lines, opts, ids) {
    const out: TestResult[] = [];
    let file: string | undefined;
    for (const line of lines) {
      if (FILE.test(line.trim()) && !/^\s/.test(line)) {
        file = toRepoPath(line.trim(), opts);
        continue;
      }
      const m = PROBLEM.exec(line);
      if (!m?.groups || m.groups.sev !== 'error' || !file) continue;
      const message = m.groups.msg!.trim();
      const rule = m.groups.rule;
      out.push({
        kind: 'lint',
        framework: 'eslint',
        test_id: ids.next('eslint', file, rule, message),
        status: 'errored',
        file,
        line: Number(m.groups.line),
        column: Number(m.groups.col),
        error_class: /^Parsing error:/.test(message) ? 'SyntaxError' : undefined,
        error_code: rule,
        message,
        repro_cmd: repro.eslint(file, opts.package),
        package: opts.package,
      });
    }
    return out;
  },
};
