/**
 * A problem found while scanning, at an absolute byte offset. Internal: the stream driver turns it into
 * a ReportParseError naming `file:line:column` once it has yielded every result parsed before it.
 */
export class XmlFault extends Error {
  constructor(
    readonly code: XmlFaultCode,
    readonly offset: number,
    readonly what: string,
  ) {
    super(what);
    this.name = 'XmlFault';
  }
}

export type XmlFaultCode =
  /** Not well-formed: bad attribute, mismatched closing tag, stray markup. */
  | 'E_XML_MALFORMED'
  /** The document ends before its root element is closed. */
  | 'E_XML_TRUNCATED'
  /** A DOCTYPE declares entities: refused, never expanded or fetched. */
  | 'E_XML_UNSAFE_DTD'
  /** The prolog declares an encoding suture cannot transcode, or the bytes contradict it. */
  | 'E_XML_ENCODING'
  /** The bytes are not XML at all (binary, plain text, JSON). */
  | 'E_XML_NOT_XML'
  /** Well-formed XML whose root is not a test report suture knows. */
  | 'E_REPORT_NOT_TEST_REPORT'
  /** Nothing but whitespace. */
  | 'E_REPORT_EMPTY';
