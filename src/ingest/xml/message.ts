/**
 * Splitting what a report says about a failure into `message` and `error_class`, shared by every XML
 * dialect: a `type`/`exception-type` attribute when it names a class, else the class a runtime printed
 * at the start of the message or body (`TypeError: ...`, `AssertionError [ERR_ASSERTION]: ...`), else
 * pytest's `path.py:12: ErrorClass` last line.
 */

/** Types that say "it failed" without naming anything. */
const GENERIC_TYPES = new Set(['', 'failure', 'failed', 'error', 'errored', 'skipped', 'skip', 'todo', 'assert', 'assertion', 'testcodefailure', 'test failure', 'pytest.skip', 'pytest.xfail', 'hookfailed', 'cancelledbyparent']);
/** Messages that only repeat the status. */
const GENERIC_MESSAGES = new Set(['failed', 'failure', 'error', 'skipped', 'test failed']);

// `TypeError: x`, `AssertionError [ERR_ASSERTION]: x`, and .NET's `System.Exception : x`.
const CLASS_AT_START = /^\s*\[?((?:[A-Za-z_$][\w$]*[.:]{1,2})*(?:[A-Za-z_$][\w$]*)?(?:Error|Exception|Failure|Fault|Panic|Warning|Interrupt|Exit|Timeout))(?:\s*\[[^\]\n]{1,80}\])? ?(?::\s|:$|$)/;
const PYTEST_LAST_LINE = /^[^\s:][^:\n]*\.py:\d+: ([A-Za-z_][\w.]*)\s*$/m;
const NODE_CAUSE = /\bcause: ((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Error|Exception))\b/;

export function isGenericMessage(message: string | undefined): boolean {
  return message === undefined || (message.length <= 16 && GENERIC_MESSAGES.has(message.trim().toLowerCase()));
}

/** The error class, or undefined when nothing names one. */
let lastType = '';
let lastTypeIsClass = false;

/** Whether a `type` attribute names a class (`AssertionError`, `java.io.IOException`), remembered: types repeat. */
function typeNamesClass(t: string): boolean {
  if (t === lastType) return lastTypeIsClass;
  lastType = t;
  lastTypeIsClass = !GENERIC_TYPES.has(t.toLowerCase()) && /^[\w$.:<>`+\\-]+$/.test(t) && !/^[A-Z_]+$/.test(t);
  return lastTypeIsClass;
}

export function errorClassOf(type: string | undefined, message: string | undefined, body: string | undefined): string | undefined {
  const t = type?.trim();
  if (t && typeNamesClass(t)) return t;
  // node:test wraps every failure in `Error [ERR_TEST_FAILURE]`; the real class is its cause.
  if (body && body.slice(0, 300).includes('ERR_TEST_FAILURE')) {
    const cause = NODE_CAUSE.exec(body);
    if (cause) return cause[1];
  }
  for (const text of [message, body]) {
    if (!text) continue;
    const m = CLASS_AT_START.exec(text);
    if (m) return m[1];
  }
  const py = body && PYTEST_LAST_LINE.exec(body.slice(-2000));
  return py ? py[1] : undefined;
}

/** Drops a leading `ErrorClass: ` (with an optional `[CODE]`) so the message does not repeat the class. */
export function stripClassPrefix(message: string, errorClass: string | undefined): string {
  if (!errorClass || !message.startsWith(errorClass)) return message;
  const rest = /^(?:\s*\[[^\]\n]{1,80}\])? ?:\s*/.exec(message.slice(errorClass.length));
  return rest ? message.slice(errorClass.length + rest[0].length) : message;
}

const FRAME_LINE = /^\s+at\s|^\s*File ".*", line \d+|^Traceback \(most recent call last\)|^\s*❯ |^goroutine \d+ \[/;

/**
 * A message from a failure body when the report gave none: the lines before the first stack frame
 * (`at ...`, `File "..."`, ` ❯ ...`, a Go goroutine dump), trimmed; failing that, the first non-empty line.
 */
export function messageFromBody(body: string): string {
  const lines = body.split('\n', 200);
  const kept: string[] = [];
  for (const line of lines) {
    if (FRAME_LINE.test(line)) break;
    kept.push(line);
  }
  const head = kept.join('\n').trim();
  if (head !== '') return head;
  return lines.find((l) => l.trim() !== '')?.trim() ?? '';
}
