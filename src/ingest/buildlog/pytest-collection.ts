import type { TestResult } from '../../events/index.js';
import { toRepoPath } from '../results/location.js';
import { repro } from '../results/repro.js';
import type { BuildLogExtractor } from './types.js';
import { didYouMean } from './text.js';

const HEADER = /^_{2,} ERROR collecting (?<path>\S+?) _{2,}\s*$/;
const SECTION_END = /^(_{2,} .* _{2,}|={3,}.*={3,})\s*$/;
const E_LINE = /^E\s{1,}(?<text>.*)$/;
const EXCEPTION = /^(?<cls>[A-Za-z_][\w.]*(?:Error|Exception)): ?(?<msg>.*)$/;
const FRAME = /^(?<file>[^\s:][^:]*\.py):(?<line>\d+): in /;
const E_FILE = /^E\s+File "(?<file>[^"]+)", line (?<line>\d+)/;

/**
 * pytest's "ERROR collecting tests/test_x.py" sections: a test module that failed to import, so none
 * of its tests ran. One build result per module, located at the failing import or syntax error.
 */
export const pytestCollectionExtractor: BuildLogExtractor = {
  format: 'pytest-collection',
  tools: ['pytest', 'py.test'],
  sniff(head) {
    return /^_{2,} ERROR collecting \S+ _{2,}/m.test(head) ? 0.9 : 0;
  },
  extract(lines, opts) {
    const out: TestResult[] = [];
    for (let i = 0; i < lines.length; i++) {
      const h = HEADER.exec(lines[i]!);
      if (!h?.groups) continue;
      let j = i + 1;
      while (j < lines.length && !SECTION_END.test(lines[j]!)) j++;
      const block = lines.slice(i + 1, j);
      const module = toRepoPath(h.groups.path, opts) ?? h.groups.path!;
      let cls: string | undefined;
      let message = '';
      for (const l of block) {
        const e = E_LINE.exec(l);
        const ex = e ? EXCEPTION.exec(e.groups!.text!.trim()) : null;
        if (ex?.groups) {
          cls = ex.groups.cls;
          message = ex.groups.msg!.trim();
        }
      }
      if (!cls) {
        // "ImportError while importing test module ..." with no E line, or a plain error line.
        const first = block.find((l) => l.trim() !== '') ?? 'collection failed';
        message = first.trim();
      }
      let file: string | undefined;
      let line: number | undefined;
      for (const l of block) {
        const ef = E_FILE.exec(l);
        const fr = FRAME.exec(l);
        const m = ef ?? fr;
        const f = m?.groups ? toRepoPath(m.groups.file, opts) : undefined;
        if (f && !/(^|\/)(site-packages|dist-packages|lib\/python\d)/.test(m!.groups!.file!) && !f.startsWith('..')) {
          file = f;
          line = Number(m!.groups!.line);
        }
      }
      out.push({
        kind: 'build',
        framework: 'pytest',
        test_id: `${module}::(collection)`,
        status: 'errored',
        name: '(collection)',
        file: file ?? module,
        line: file ? line : undefined,
        error_class: cls,
        message,
        stack: block.join('\n').trim(),
        suggestion: didYouMean(message),
        repro_cmd: repro.pytest(module, opts.package),
        package: opts.package,
      });
      i = j - 1;
    }
    return out;
  },
};
