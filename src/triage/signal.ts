import type { FailureEvent } from '../events/index.js';
import { stripAnsi } from './normalise.js';
import type { Signal } from './rules/types.js';

/** How much of a message rules and the model read: the cause is at the top; long diffs add noise and time. */
export const SIGNAL_MESSAGE_CHARS = 1000;
const SIGNAL_STACK_CHARS = 400;

/** Builds the classifier's view of an event: class, code, message and the head of the stack as one text. */
export function signalOf(ev: FailureEvent): Signal {
  const message = stripAnsi(ev.message.length > SIGNAL_MESSAGE_CHARS ? ev.message.slice(0, SIGNAL_MESSAGE_CHARS) : ev.message);
  let text = message;
  // A class name (TypeError, java.io.IOException) adds signal; a lower-case kind word ("panic") would only add noise.
  if (ev.error_class && /^(?:[\w$]+\.)*[A-Z]/.test(ev.error_class) && !message.includes(ev.error_class)) text = `${ev.error_class}: ${text}`;
  if (ev.error_code && !text.includes(ev.error_code)) text = `${ev.error_code} ${text}`;
  if (ev.stack) {
    // The stack's first lines often restate the error with more detail (Python's last line, Java's "Caused by").
    const head = stripAnsi(ev.stack.length > SIGNAL_STACK_CHARS ? ev.stack.slice(0, SIGNAL_STACK_CHARS) : ev.stack);
    if (!text.includes(head.slice(0, 80))) text = `${text}\n${head}`;
  }
  const s: Signal = { text, message, framework: ev.framework, kind: ev.kind, status: ev.status };
  if (ev.error_class !== undefined) s.errorClass = ev.error_class;
  if (ev.error_code !== undefined) s.errorCode = ev.error_code;
  if (ev.suite !== undefined) s.step = ev.suite;
  if (ev.flaky !== undefined) s.flaky = ev.flaky;
  return s;
}
