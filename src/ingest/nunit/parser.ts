import type { TestResult } from '../../events/index.js';
import type { ReportParser } from '../types.js';
import { XML_REPORT_FACTORIES } from '../xml/dispatch.js';
import { parseXmlReport, type XmlParseOptions } from '../xml/driver.js';
import { rootElementOf } from '../xml/sniff.js';

/** NUnit 3 (`<test-run>`) and NUnit 2 (`<test-results>`) XML, streamed. */
export const nunitParser: ReportParser = {
  format: 'nunit',
  sniff(head: string): number {
    const root = rootElementOf(head);
    if (root === 'test-run' || root === 'test-results') return 0.95;
    if (root === 'test-suite') return 0.6;
    return 0;
  },
  parse(input: NodeJS.ReadableStream, opts: XmlParseOptions): AsyncGenerator<TestResult> {
    return parseXmlReport(input, opts, XML_REPORT_FACTORIES);
  },
};
