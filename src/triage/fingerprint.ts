import { createHash } from 'node:crypto';
import picomatch from 'picomatch';
import type { FailureEvent } from '../events/index.js';
import { parseFrames, type StackFrame } from '../ingest/frames.js';
import type { FingerprintRule } from './config.js';
import { messageHead } from './normalise.js';
import { stripWorkspaces } from '../ingest/ci-log/workspace.js';

/**
 * Version prefix of every fingerprint. A new algorithm gets a new prefix, so stored clusters made by the
 * old one are never silently merged with or split by the new one.
 */
export const FINGERPRINT_VERSION = 'fp1';

const VENDOR = /(^|[/\\])(node_modules|site-packages|dist-packages|vendor|\.venv|venv|\.cargo|\.rustup|go[/\\]pkg[/\\]mod|\.m2|\.gradle|rustc[/\\][0-9a-f]+|lib[/\\]python\d)/;
const RUNTIME = /^(node:|internal[/\\]|<anonymous>|native|evalmachine|\[native code\]|java\.|jdk\.|sun\.|kotlin\.|scala\.|org\.junit|junit\.|_pytest|pluggy|unittest[/\\]|runtime[/\\]|testing[/\\])/;
const TEST_FILE = /(^|[/\\])(tests?|__tests__|specs?)[/\\]|[._-](test|spec)\.[cm]?[jt]sx?$|_test\.(go|py)$|(^|[/\\])test_[^/\\]*\.py$|Tests?\.(java|kt|cs)$/;

/** The parts a fingerprint is made of, kept readable for `--explain` and tests. */
export interface FingerprintParts {
  stage: string;
  tool: string;
  code: string;
  message: string;
  frames: string[];
  extra: string[];
  group?: string;
}

const LEADING_CLASS = /^\s*(?:Uncaught\s+)?([A-Z][\w.$]*(?:Error|Exception|Failure|Warning|Interrupt|Exit))\b/;

/** Deterministic stage key: from the event's kind, never from the model (a retrain must not regroup). */
function stageKey(ev: FailureEvent): string {
  switch (ev.kind) {
    case 'typecheck':
    case 'build':
      return 'compile';
    default:
      return ev.kind;
  }
}

function moduleOf(file: string): string {
  // Inside a CI workspace the path below it is the module; elsewhere the last two segments are.
  const parts = stripWorkspaces(file.replace(/\\/g, '/').replace(/^file:\/\//, '')).split('/').filter((p) => p !== '' && p !== '.');
  // Module identity without the machine-specific prefix: the file and its directory, no extension.
  const tail = parts.slice(-2).join('/');
  return tail.replace(/\.[A-Za-z0-9]+$/, '');
}

function funcOf(f: StackFrame): string {
  return (f.func ?? '')
    .replace(/^async /, '')
    .replace(/\s*\[as [^\]]+\]/, '')
    .replace(/<lambda_\d+>|\$\d+|\.\d+$/g, '')
    .trim();
}

// Small LRU-ish caches (cleared when full): the same failure recurs across runs with the same head and
// the same stack apart from line numbers, which the fingerprint ignores anyway.
const CACHE_MAX = 20_000;
const headCache = new Map<string, string>();
const frameCache = new Map<string, { frames: string[]; onlyTests: boolean }>();
const fpCache = new Map<string, string>();

function cachedHead(message: string): string {
  const key = message.length > 600 ? message.slice(0, 600) : message;
  let h = headCache.get(key);
  if (h === undefined) {
    if (headCache.size >= CACHE_MAX) headCache.clear();
    headCache.set(key, (h = messageHead(message)));
  }
  return h;
}

function cachedFrames(stack: string | undefined): { frames: string[]; onlyTests: boolean } {
  if (!stack) return { frames: [], onlyTests: false };
  const key = (stack.length > 3000 ? stack.slice(0, 3000) : stack).replace(/:\d+(?::\d+)?/g, ':#');
  let f = frameCache.get(key);
  if (f === undefined) {
    if (frameCache.size >= CACHE_MAX) frameCache.clear();
    frameCache.set(key, (f = topFrames(stack)));
  }
  return f;
}

/** The top in-repository frames: code under test first; a test file's frame only when nothing else is in the repo. */
export function topFrames(stack: string | undefined, max = 2): { frames: string[]; onlyTests: boolean } {
  if (!stack) return { frames: [], onlyTests: false };
  const own: StackFrame[] = [];
  // The frames that matter are at the top: read line by line (at most 40) and stop at 8 of the repo's own.
  let from = 0;
  for (let n = 0; n < 40 && from < stack.length && own.length < 8; n++) {
    let nl = stack.indexOf('\n', from);
    if (nl === -1) nl = stack.length;
    const line = stack.slice(from, nl);
    from = nl + 1;
    if (!/:\d|line \d/.test(line)) continue;
    for (const f of parseFrames(line)) {
      if (RUNTIME.test(f.file) || VENDOR.test(f.file)) continue;
      own.push(f);
    }
  }
  if (own.length === 0) return { frames: [], onlyTests: false };
  const nonTest = own.filter((f) => !TEST_FILE.test(f.file));
  const chosen = nonTest.length > 0 ? nonTest.slice(0, max) : own.slice(0, 1);
  return { frames: chosen.map((f) => `${moduleOf(f.file)}:${funcOf(f)}`), onlyTests: nonTest.length === 0 };
}

function ruleMatches(rule: FingerprintRule, ev: FailureEvent): boolean {
  const m = rule.match;
  if (m.framework !== undefined && m.framework !== ev.framework) return false;
  if (m.error_class !== undefined && m.error_class !== ev.error_class) return false;
  if (m.error_code !== undefined && m.error_code !== ev.error_code) return false;
  if (m.file !== undefined && !(ev.file !== undefined && picomatch.isMatch(ev.file, m.file))) return false;
  if (m.message !== undefined && !new RegExp(m.message, 'i').test(ev.message)) return false;
  return true;
}

export function fingerprintParts(ev: FailureEvent, rules: FingerprintRule[] = []): FingerprintParts {
  const rule = rules.find((r) => ruleMatches(r, ev));
  const stage = stageKey(ev);
  if (rule?.group !== undefined) return { stage, tool: '', code: '', message: '', frames: [], extra: [], group: rule.group };

  let message = ev.message;
  for (const r of rule?.replace ?? []) message = message.replace(new RegExp(r.pattern, 'g'), r.with);
  const code = ev.error_code ?? ev.error_class ?? LEADING_CLASS.exec(message)?.[1] ?? '';
  const { frames, onlyTests } = rule?.ignore_frames ? { frames: [], onlyTests: false } : cachedFrames(ev.stack);

  const extra: string[] = [];
  // Without frames outside the tests, the failing test (or the diagnostic's file) is the location.
  if (ev.kind === 'test' && (frames.length === 0 || onlyTests)) extra.push(`test:${ev.test_id}`);
  else if (ev.kind !== 'test' && frames.length === 0 && ev.file) extra.push(`file:${ev.file}`);
  for (const k of rule?.split_by ?? []) extra.push(`${k}:${ev[k] ?? ''}`);

  return { stage, tool: ev.framework, code, message: cachedHead(message), frames, extra };
}

/** Versioned signature of the root cause: equal across runs, machines and commits; different for different causes. */
export function fingerprint(ev: FailureEvent, rules: FingerprintRule[] = []): string {
  const p = fingerprintParts(ev, rules);
  if (p.group !== undefined) return `${FINGERPRINT_VERSION}:rule:${p.group}`;
  const key = [p.stage, p.tool, p.code, p.message, p.frames.join('|'), p.extra.join('|')].join('\u0000');
  let fp = fpCache.get(key);
  if (fp === undefined) {
    if (fpCache.size >= CACHE_MAX) fpCache.clear();
    fp = `${FINGERPRINT_VERSION}:${createHash('sha1').update(key).digest('hex').slice(0, 20)}`;
    fpCache.set(key, fp);
  }
  return fp;
}
