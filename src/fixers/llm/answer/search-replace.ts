import { AnswerError, type Answer, type Edit } from './types.js';

const SEARCH = /^<{5,9} ?SEARCH\s*$/;
const DIVIDER = /^={5,9}\s*$/;
const REPLACE = /^>{5,9} ?REPLACE\s*$/;

/**
 * Parses SEARCH/REPLACE blocks. Each block's file is the last path-like line before it (backticks,
 * "File:" prefixes and fences around it are tolerated). Unclosed blocks are reported, since a reply
 * cut off by the token limit must not half-apply.
 */
export function parseSearchReplace(text: string): Answer {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const edits: Edit[] = [];
  const problems: string[] = [];
  let explanationEnd: number | undefined;
  let previousFile: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (!SEARCH.test(lines[i]!)) continue;
    const n = edits.length + problems.length + 1;
    // The file: the nearest line above that is neither blank nor a code fence; right after another
    // block, the same file again.
    let k = i - 1;
    while (k >= 0 && (lines[k]!.trim() === '' || lines[k]!.trim().startsWith('```'))) k--;
    const above = k >= 0 ? lines[k]! : '';
    const file = pathOf(above) ?? (REPLACE.test(above) ? previousFile : undefined);
    explanationEnd ??= pathOf(above) ? k : i;
    let j = i + 1;
    const search: string[] = [];
    while (j < lines.length && !DIVIDER.test(lines[j]!)) search.push(lines[j++]!);
    if (j >= lines.length) {
      problems.push(`edit block ${n} has no ======= line (the answer looks cut off)`);
      break;
    }
    j++;
    const replace: string[] = [];
    while (j < lines.length && !REPLACE.test(lines[j]!)) replace.push(lines[j++]!);
    if (j >= lines.length) {
      problems.push(`edit block ${n} has no >>>>>>> REPLACE line (the answer looks cut off)`);
      break;
    }
    if (!file) problems.push(`edit block ${n} is not preceded by a line with the file's path`);
    else edits.push({ file, search: join(search), replace: join(replace) });
    previousFile = file;
    i = j;
  }
  if (problems.length > 0) throw new AnswerError(problems);
  const unfixable = /^\s*\**UNFIXABLE\**:\s*(.+)$/m.exec(text);
  if (edits.length === 0) {
    if (unfixable) return { kind: 'unfixable', explanation: unfixable[1]!.trim() };
    throw new AnswerError(['no edit blocks (path line, <<<<<<< SEARCH, =======, >>>>>>> REPLACE) and no UNFIXABLE: line']);
  }
  const explanation = lines
    .slice(0, explanationEnd ?? 0)
    .filter((l) => !l.trim().startsWith('```'))
    .join('\n')
    .trim();
  return { kind: 'edits', explanation, edits };
}

function join(lines: string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** A line that names a file: `src/a.ts`, `**src/a.ts**`, `File: src/a.ts`, `### src/a.ts:`, `` `src/a.ts` ``. */
function pathOf(line: string): string | undefined {
  const t = line
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/^(?:file|path)\s*:\s*/i, '')
    .replace(/^[*`'"]+|[*`'":]+$/g, '')
    .trim();
  if (!t || /\s/.test(t) || t.startsWith('```')) return undefined;
  return /^[\w@.~/\\-]+\.[\w]+$|^[\w@.~/\\-]*\/[\w.-]+$|^(Makefile|Dockerfile|go\.mod)$/.test(t) ? t : undefined;
}
