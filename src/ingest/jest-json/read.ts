import type { TestResult } from '../../events/index.js';
import { MalformedReportError } from '../errors.js';
import { readDocument } from '../input/document.js';
import { documentStart, parseJson } from '../input/json.js';
import { validate } from '../input/validate.js';
import type { ParseOptions } from '../types.js';
import { convertFile, statedTotals, type JestLikeFlavour } from './convert.js';
import { jestLikeReportSchema } from './schema.js';

/**
 * Reads a jest-shaped JSON report (jest --json, vitest's json reporter). The document is read whole
 * (bounded, see MAX_DOCUMENT_BYTES) because it is one JSON value; results are yielded file by file.
 */
export async function* readJestLike(input: NodeJS.ReadableStream, opts: ParseOptions & { displayName: string }, flavour: JestLikeFlavour, what: string): AsyncGenerator<TestResult> {
  const file = opts.displayName;
  const text = await readDocument(input, file, what);
  const start = documentStart(text);
  if (start.offset === -1) throw new MalformedReportError(file, `not a ${what}: no JSON object found`);
  const value = parseJson(text.slice(start.offset), file, start.line);
  const report = validate(jestLikeReportSchema, value, file, what);
  opts.onTotals?.(statedTotals(report));
  for (const fr of report.testResults) yield* convertFile(fr, flavour, opts);
}
