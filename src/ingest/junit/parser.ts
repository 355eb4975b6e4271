import type { TestResult } from '../../events/index.js';
import type { ReportParser } from '../types.js';
import { XML_REPORT_FACTORIES } from '../xml/dispatch.js';
import { parseXmlReport, type XmlParseOptions } from '../xml/driver.js';
import { rootElementOf } from '../xml/sniff.js';

/**
 * JUnit XML in every dialect (Surefire, jest-junit, vitest, node:test, pytest, mocha-junit-reporter,
 * go-junit-report/gotestsum, Catch2, CTest, PHPUnit, ...), streamed. The root element decides the
 * handler, so a TRX or NUnit file given as `--format junit` is still read correctly.
 */
export const junitParser: ReportParser = {
  format: 'junit',
  sniff(head: string): number {
    const root = rootElementOf(head);
    if (root === 'testsuites' || root === 'testsuite') return 0.95;
    if (root === 'testrun') return 0.8;
    return 0;
  },
  parse(input: NodeJS.ReadableStream, opts: XmlParseOptions): AsyncGenerator<TestResult> {
    return parseXmlReport(input, opts, XML_REPORT_FACTORIES);
  },
};
