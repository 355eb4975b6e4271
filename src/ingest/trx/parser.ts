import type { TestResult } from '../../events/index.js';
import type { ReportParser } from '../types.js';
import { XML_REPORT_FACTORIES } from '../xml/dispatch.js';
import { parseXmlReport, type XmlParseOptions } from '../xml/driver.js';
import { rootElementOf } from '../xml/sniff.js';

/** Visual Studio / `dotnet test --logger trx` results, streamed (the root element picks the handler). */
export const trxParser: ReportParser = {
  format: 'trx',
  sniff(head: string): number {
    if (rootElementOf(head) !== 'TestRun') return 0;
    return /schemas\/VisualStudio\/TeamTest/.test(head.slice(0, 4096)) ? 0.97 : 0.8;
  },
  parse(input: NodeJS.ReadableStream, opts: XmlParseOptions): AsyncGenerator<TestResult> {
    return parseXmlReport(input, opts, XML_REPORT_FACTORIES);
  },
};
