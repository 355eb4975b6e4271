import { stripWorkspaces } from '../ingest/ci-log/workspace.js';

/**
 * Message normalisation: the parts of a failure message that change between runs, machines and commits
 * (numbers, addresses, hashes, temp paths, timestamps, ids, URLs, data values) become placeholders, so
 * the same root cause reads the same everywhere. Identifiers (names of modules, functions, properties)
 * are kept: they are what tells two different failures with similar text apart.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;
const ISO_TS = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b/g;
const CLOCK = /\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`<>()\]]+/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/g;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g;
const HEX = /\b0x[0-9a-f]+\b/gi;
// A run of hex with at least one digit and one letter, 7+ long: commit ids, content hashes, object ids.
const HASH = /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/gi;
// Absolute POSIX or Windows paths, and relative paths with at least one separator.
const PATH = /(?:[A-Za-z]:\\|\\\\|\/|\.{1,2}\/|~\/)?(?:[\w@.+-]+[/\\])+[\w@.+-]*/g;
const QUOTED = /(['"`‘“])([^'"`’”\n]{0,200})(['"`’”])/g;
const NUMBER = /(?<![\w$])[-+]?\d+(?:[.,]\d+)*(?:e[-+]?\d+)?/gi;
const SPACES = /[ \t]+/g;

/** A quoted value that names something (module, function, key) rather than data. */
const IDENTIFIER_LIKE = /^(?:\.{1,2}\/)*[@A-Za-z_$][\w$.:/@-]{0,79}$/;

function normalisePath(p: string): string {
  if (!/[/\\]/.test(p)) return p;
  // Keep the last component: "src/config/app.json" and "/tmp/x1/app.json" are the same file to a human
  // across machines; the directories in front are the part that moves.
  const parts = p.split(/[/\\]/).filter(Boolean);
  const last = parts[parts.length - 1];
  if (last === undefined) return '<path>';
  return `<path>/${last.replace(/\d+/g, '<n>')}`;
}

function normaliseQuoted(_m: string, open: string, body: string, close: string): string {
  if (body === '') return `${open}${close}`;
  if (/^(?:[A-Za-z]:[\\/]|\/|~\/)[^\s]*$/.test(body)) return `${open}${normalisePath(body)}${close}`;
  if (IDENTIFIER_LIKE.test(body) && !/\d{3,}/.test(body)) {
    return `${open}${body}${close}`;
  }
  return `${open}<str>${close}`;
}

export function stripAnsi(s: string): string {
  return s.indexOf('\u001b') === -1 ? s : s.replace(ANSI, '');
}

/**
 * Normalises one message. Lines are kept (joined by "\n"); whitespace runs collapse. The result is
 * meant for fingerprints and features, not for display.
 */
export function normaliseMessage(msg: string, maxChars = 2000): string {
  let s = msg.length > maxChars ? msg.slice(0, maxChars) : msg;
  s = stripWorkspaces(stripAnsi(s));
  // Each pattern runs only when the character it needs is there: most messages are short and plain.
  const colon = s.includes(':');
  if (colon) s = s.replace(ISO_TS, '<ts>').replace(CLOCK, '<ts>');
  if (s.includes('-')) s = s.replace(UUID, '<uuid>');
  if (colon && s.includes('://')) s = s.replace(URL_RE, '<url>');
  if (s.includes('@')) s = s.replace(EMAIL, '<email>');
  if (s.includes('.')) s = s.replace(IPV4, '<ip>');
  if (/['"`‘“]/.test(s)) s = s.replace(QUOTED, normaliseQuoted);
  if (s.includes('/') || s.includes('\\')) s = s.replace(PATH, (m) => (m.startsWith('<') ? m : normalisePath(m)));
  if (s.includes('0x') || s.includes('0X')) s = s.replace(HEX, '<hex>');
  if (/\d/.test(s)) s = s.replace(HASH, '<hash>').replace(NUMBER, '<n>');
  s = s.replace(SPACES, ' ');
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** The first `lines` non-empty lines of a normalised message, capped: the stable head used by fingerprints. */
export function messageHead(msg: string, lines = 2, maxChars = 300): string {
  // Only the head is normalised: a 4000-character diff below it would cost time and change nothing.
  const head: string[] = [];
  let from = 0;
  while (head.length < lines && from < msg.length) {
    let nl = msg.indexOf('\n', from);
    if (nl === -1) nl = msg.length;
    const line = msg.slice(from, Math.min(nl, from + 1000));
    if (line.trim() !== '') head.push(line);
    from = nl + 1;
  }
  const norm = normaliseMessage(head.join('\n'), 2000);
  const out = norm.split('\n').slice(0, lines).join('\n');
  return out.length > maxChars ? out.slice(0, maxChars) : out;
}
