import { InputError } from '../errors.js';

/** Where in a report something went wrong. Lines and columns are 1-based; offset is a byte offset. */
export interface ReportPosition {
  line?: number;
  column?: number;
  offset?: number;
}

function where(file: string, pos: ReportPosition | undefined): string {
  if (pos?.line !== undefined) return `${file}:${pos.line}${pos.column !== undefined ? `:${pos.column}` : ''}`;
  if (pos?.offset !== undefined) return `${file} (byte ${pos.offset})`;
  return file;
}

/**
 * A report (or build log) could not be read. The message starts with `file:line:column` so editors and
 * people can jump to it; parsers throw it only after yielding every result that parsed before the break.
 */
export class ReportError extends InputError {
  readonly file: string;
  readonly position: ReportPosition | undefined;

  constructor(file: string, what: string, opts: { code: string; hint?: string; position?: ReportPosition; cause?: unknown }) {
    super(`${where(file, opts.position)}: ${what}`, opts);
    this.file = file;
    this.position = opts.position;
  }
}

/** The content is not valid for its format (bad JSON, a truncated document, a line that is not an event). */
export class MalformedReportError extends ReportError {
  constructor(file: string, what: string, opts: { hint?: string; position?: ReportPosition; cause?: unknown } = {}) {
    super(file, what, { code: 'E_REPORT_MALFORMED', hint: 'Check that the file is complete and was written by the tool named; re-run the tests to regenerate it.', ...opts });
  }
}

/** Nothing to read: a zero-byte file or only whitespace. */
export class EmptyReportError extends ReportError {
  constructor(file: string) {
    super(file, 'the report is empty', { code: 'E_REPORT_EMPTY', hint: 'The test run probably crashed before writing its report; check the run log.' });
  }
}

/** No registered format recognises the content. */
export class UnknownFormatError extends ReportError {
  constructor(file: string, formats: string[], detail = 'not a test report or build log suture recognises') {
    super(file, detail, { code: 'E_REPORT_FORMAT_UNKNOWN', hint: `Pass --format with one of: ${formats.join(', ')}.` });
  }
}

/** Refused rather than read: a single document bigger than the stated limit. */
export class ReportTooLargeError extends ReportError {
  constructor(file: string, what: string, hint: string) {
    super(file, what, { code: 'E_REPORT_TOO_LARGE', hint });
  }
}

/** The file could not be opened or read at all (missing, a directory, no permission, I/O error). */
export class ReportUnreadableError extends ReportError {
  constructor(file: string, what: string, cause?: unknown) {
    super(file, what, { code: 'E_REPORT_UNREADABLE', hint: 'Check the path and permissions.', cause });
  }
}
