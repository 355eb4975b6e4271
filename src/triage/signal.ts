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
    // Python prints the exception that was raised last (innermost last): past the head, that line is the cause.
    const cause = ev.stack.length > SIGNAL_STACK_CHARS ? pythonRaised(ev.stack) : undefined;
    if (cause && !text.includes(cause)) text = `${text}\n${cause}`;
  }
  const s: Signal = { text, message, framework: ev.framework, kind: ev.kind, status: ev.status };
  if (ev.error_class !== undefined) s.errorClass = ev.error_class;
  if (ev.error_code !== undefined) s.errorCode = ev.error_code;
  if (ev.suite !== undefined) s.step = ev.suite;
  if (ev.flaky !== undefined) s.flaky = ev.flaky;
  return s;
}

/** `ImportError: cannot import name ...` or pytest's `E   ImportError: ...`: an exception line among the last ones. */
const RAISED = /^(?:E {2,})?((?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Exit|Interrupt)(?::[^\n]*)?)$/;

/** The exception a Python traceback ends with (pytest prefixes it `E   `), if the stack ends like one. */
function pythonRaised(stack: string): string | undefined {
  const lines = stripAnsi(stack).trimEnd().split('\n').slice(-8).reverse();
  for (const l of lines) {
    const m = RAISED.exec(l.trim().startsWith('E ') ? l.trim() : l.trimEnd());
    if (m) return m[1]!.slice(0, 300);
  }
  return undefined;
}
