import { MalformedReportError } from '../errors.js';
import { readDocument } from '../input/document.js';
import { documentStart, parseJson } from '../input/json.js';
import { validate } from '../input/validate.js';
import type { ReportParser } from '../types.js';
import { convertMocha, mochaTotals } from './convert.js';
import { mochaReportSchema } from './schema.js';

const WHAT = 'mocha JSON report';

/** mocha `--reporter json` (stdout or --reporter-option output=FILE). Read whole: one JSON document. */
export const mochaJson: ReportParser = {
  format: 'mocha-json',
  sniff(head) {
    if (!/"stats"\s*:\s*\{/.test(head)) return 0;
    if (/"fullTitle"\s*:/.test(head)) return 0.95;
    return /"passes"\s*:/.test(head) && /"pending"\s*:/.test(head) && /"tests"\s*:/.test(head) ? 0.85 : 0;
  },
  async *parse(input, opts) {
    const file = opts.displayName;
    const text = await readDocument(input, file, WHAT);
    const start = documentStart(text);
    if (start.offset === -1) throw new MalformedReportError(file, `not a ${WHAT}: no JSON object found`);
    const report = validate(mochaReportSchema, parseJson(text.slice(start.offset), file, start.line), file, WHAT);
    opts.onTotals?.(mochaTotals(report));
    yield* convertMocha(report, opts);
  },
};
