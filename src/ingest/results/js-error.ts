import { stripVTControlCharacters } from 'node:util';
import type { TestStatus } from '../../events/index.js';

export interface SplitError {
  error_class?: string;
  /** A code printed beside the class, e.g. ERR_ASSERTION in "AssertionError [ERR_ASSERTION]: ...". */
  error_code?: string;
  message: string;
  stack: string;
}

const MAX_ERROR_TEXT = 1024 * 1024;

const HEADER = /^(?<cls>[A-Za-z_$][\w$.]*?)(?: \[(?<code>[A-Z0-9_]+)\])?: (?<msg>[^]*)$/;
const STACK_LINE = /^\s+at \S/;

/**
 * Splits what JavaScript runners print for a thrown error ("TypeError: x is undefined\n    at f (a.js:1:2)")
 * into class, message (every line before the first `at` frame) and the full text as stack.
 */
export function splitJsError(raw: string): SplitError {
  // Events keep 16 000 message and 4 000 stack characters; a megabyte is plenty to find both.
  const text = stripVTControlCharacters(raw.length > MAX_ERROR_TEXT ? raw.slice(0, MAX_ERROR_TEXT) : raw).replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  const firstFrame = lines.findIndex((l) => STACK_LINE.test(l));
  const head = (firstFrame === -1 ? lines : lines.slice(0, firstFrame)).join('\n').trim();
  const m = HEADER.exec(head);
  if (m?.groups && !/\s/.test(m.groups.cls!)) {
    return { error_class: m.groups.cls, error_code: m.groups.code, message: m.groups.msg!.trim(), stack: text.trimEnd() };
  }
  return { message: head, stack: text.trimEnd() };
}

const ASSERTION_CLASS = /(^|\.)(Assertion ?Error|AssertError|JestAssertionError|ExpectationFailed|ComparisonFailure|AssertionFailedError)$/;

/**
 * failed = an assertion did not hold; errored = the test threw something else (TypeError, a timeout,
 * a failing hook). JUnit draws the same line between <failure> and <error>, and triage uses it.
 */
export function jsStatus(errorClass: string | undefined, isAssertion = false): TestStatus {
  if (isAssertion) return 'failed';
  if (errorClass && ASSERTION_CLASS.test(errorClass)) return 'failed';
  return 'errored';
}
