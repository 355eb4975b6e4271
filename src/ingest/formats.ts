import type { ReportParser } from './types.js';
import { jestJson } from './jest-json/index.js';
import { vitestJson } from './vitest-json/index.js';
import { mochaJson } from './mocha-json/index.js';
import { goJson } from './go-json/index.js';
import { goText } from './go-text/index.js';
import { tap } from './tap/index.js';
import { dartJson } from './dart-json/index.js';
import { rspecJson } from './rspec-json/index.js';
import { extractors } from './buildlog/index.js';
import { asReportParser } from './buildlog/as-parser.js';
import { junitParser } from './junit/parser.js';
import { trxParser } from './trx/parser.js';
import { nunitParser } from './nunit/parser.js';
import { xunitParser } from './xunit/parser.js';

/**
 * Every report format suture reads, registered in one list (a conformance test walks it). Detection
 * asks each one to sniff the first 64 KiB and takes the most confident; `--format` names one directly.
 */
export const parsers: ReportParser[] = [
  jestJson,
  vitestJson,
  mochaJson,
  goJson,
  goText,
  tap,
  dartJson,
  rspecJson,
  ...extractors.map(asReportParser),
  junitParser,
  trxParser,
  nunitParser,
  xunitParser,
];
