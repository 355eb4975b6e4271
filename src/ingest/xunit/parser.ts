import type { TestResult } from '../../events/index.js';
import type { ReportParser } from '../types.js';
import { XML_REPORT_FACTORIES } from '../xml/dispatch.js';
import { parseXmlReport, type XmlParseOptions } from '../xml/driver.js';
import { rootElementOf } from '../xml/sniff.js';

/** xUnit.net v2 XML (`<assemblies>`), streamed. */
export const xunitParser: ReportParser = {
  format: 'xunit',
  sniff(head: string): number {
    const root = rootElementOf(head);
    if (root === 'assemblies') return 0.95;
    if (root === 'assembly') return 0.7;
    return 0;
  },
  parse(input: NodeJS.ReadableStream, opts: XmlParseOptions): AsyncGenerator<TestResult> {
    return parseXmlReport(input, opts, XML_REPORT_FACTORIES);
  },
};
