import { EmptyReportError, ReportError, type ReportPosition } from '../errors.js';
import type { XmlFault, XmlFaultCode } from './fault.js';

const HINTS: Record<XmlFaultCode, string> = {
  E_XML_MALFORMED: 'The report is not well-formed XML. Regenerate it; if the producer wrote it this way, report the bug to that tool.',
  E_XML_TRUNCATED: 'The test run probably stopped while writing the report (crash, timeout, full disk); the results before the break were kept.',
  E_XML_UNSAFE_DTD: 'Test reports never need entity declarations: remove the DOCTYPE, or find out who put it there.',
  E_XML_ENCODING: 'Regenerate the report as UTF-8, or convert it first (iconv -f <encoding> -t UTF-8).',
  E_XML_NOT_XML: 'Check that this is the XML report and not a log or a binary file, or pass --format.',
  E_REPORT_NOT_TEST_REPORT: 'suture reads JUnit, TRX, NUnit 2/3 and xUnit.net v2 XML; for other formats pass --format.',
  E_REPORT_EMPTY: 'The test run probably crashed before writing its report; check the run log.',
};

/**
 * An XML report that could not be read to its end. The message names `file:line:column`; the parser
 * throws it only after yielding every result that parsed before that point.
 */
export class ReportParseError extends ReportError {
  readonly offset: number;

  constructor(file: string, what: string, code: XmlFaultCode, position: ReportPosition & { offset: number }) {
    super(file, what, { code, hint: HINTS[code], position });
    this.offset = position.offset;
  }
}

/** The user-facing error for a scanner fault at a resolved position. */
export function reportErrorFor(file: string, fault: XmlFault, position: ReportPosition & { offset: number }): ReportError {
  if (fault.code === 'E_REPORT_EMPTY') return new EmptyReportError(file);
  return new ReportParseError(file, fault.what, fault.code, position);
}
