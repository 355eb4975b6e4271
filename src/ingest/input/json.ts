import { MalformedReportError, type ReportPosition } from '../errors.js';
import { jsonErrorOffset } from './json-error-offset.js';

/** Line and column (1-based) of a character offset in `text`. */
export function positionOf(text: string, offset: number): ReportPosition {
  let line = 1;
  let lastNl = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lastNl = i;
  }
  return { line, column: offset - lastNl };
}

/**
 * JSON.parse with an error that says where: "report.json:12:5: not valid JSON (Unexpected token ...)".
 * `startLine` shifts positions when the document began after some non-JSON preamble.
 */
export function parseJson(text: string, file: string, startLine = 1): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const offset = jsonErrorOffset(text);
    const at = offset === -1 ? undefined : positionOf(text, offset);
    const position = at ? { line: (at.line ?? 1) + startLine - 1, column: at.column } : undefined;
    if (offset === text.length) return fail(file, 'not valid JSON: the document ends early (truncated?)', position);
    const found = offset === -1 ? '' : JSON.stringify(text.slice(offset, offset + 12));
    const detail = offset === -1 ? (err as Error).message.split('\n')[0] : `unexpected ${found}`;
    return fail(file, `not valid JSON (${detail})`, position);
  }
}

function fail(file: string, what: string, position: ReportPosition | undefined): never {
  throw new MalformedReportError(file, what, { position });
}

/**
 * Test runners invoked through npm scripts or with console output often print lines before the JSON
 * document (`> pkg@1.0.0 test`, a log line). Returns where the document starts: the first line whose
 * first non-blank character is `{` (every single-document report suture reads is an object); -1 if none.
 */
export function documentStart(text: string): { offset: number; line: number } {
  let offset = 0;
  let line = 1;
  while (offset < text.length) {
    let i = offset;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\r') i++;
    if (text[i] === '{') return { offset: i, line };
    const nl = text.indexOf('\n', offset);
    if (nl === -1) break;
    offset = nl + 1;
    line++;
  }
  return { offset: -1, line };
}
