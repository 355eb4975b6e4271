import { looksSecretName, SECRET_PATTERNS, type SecretPattern } from './patterns.js';

/** Values shorter than this are never redacted by value: "1", "true" or "dev" would blank out code. */
export const MIN_SECRET_LENGTH = 8;

/**
 * Replaces secret-shaped text with `[REDACTED:<kind>]`: known values (secret-named environment
 * variables, .env files, anything registered) and vendor formats (API keys, tokens, private keys,
 * JWTs, passwords in connection strings). Everything sent to a model or an agent and everything
 * written to reports passes through one of these.
 */
export class Redactor {
  private readonly values = new Map<string, string>();
  private sorted: string[] | undefined;
  private readonly patterns: SecretPattern[];

  constructor(opts: { patterns?: SecretPattern[] } = {}) {
    this.patterns = [...SECRET_PATTERNS, ...(opts.patterns ?? [])];
  }

  /** Adds literal values to redact wherever they appear (short ones are ignored, see MIN_SECRET_LENGTH). */
  addValues(values: Iterable<string>, kind: string): this {
    for (const raw of values) {
      const v = raw.trim();
      if (v.length < MIN_SECRET_LENGTH || this.values.has(v)) continue;
      this.values.set(v, kind);
      this.sorted = undefined;
    }
    return this;
  }

  /** Values of the environment variables whose names look secret (or are named in `extraNames`). */
  addEnv(env: NodeJS.ProcessEnv, extraNames: string[] = []): this {
    const extra = new Set(extraNames);
    for (const [name, value] of Object.entries(env)) {
      if (!value || !(extra.has(name) || looksSecretName(name))) continue;
      // A file path under a secret-sounding name (GPG_KEY=/home/u/.gnupg/key) is where a secret lives, not the secret.
      if (!extra.has(name) && /^[~.]?\//.test(value.trim())) continue;
      this.addValues([value], `env:${name}`);
    }
    return this;
  }

  addPattern(p: SecretPattern): this {
    this.patterns.push(p);
    return this;
  }

  get size(): number {
    return this.values.size;
  }

  redact(text: string): string {
    if (!text) return text;
    let out = text;
    // Longest first, so a value containing another is replaced whole.
    this.sorted ??= [...this.values.keys()].sort((a, b) => b.length - a.length);
    for (const v of this.sorted) if (out.includes(v)) out = out.split(v).join(`[REDACTED:${this.values.get(v)}]`);
    const found = new Map<string, string>();
    for (const p of this.patterns) out = applyPattern(out, p, found);
    // A secret recognised by its context (`aws_secret_access_key = ...`) is a known value from now on,
    // here and in every later text: the same key printed bare elsewhere goes too.
    if (found.size > 0) {
      for (const [v, kind] of found) if (!this.values.has(v)) this.addValues([v], kind);
      for (const [v, kind] of found) if (out.includes(v)) out = out.split(v).join(`[REDACTED:${kind}]`);
    }
    return out;
  }
}

function applyPattern(text: string, p: SecretPattern, found: Map<string, string>): string {
  p.re.lastIndex = 0;
  return text.replace(p.re, (match: string, ...args: unknown[]) => {
    const label = `[REDACTED:${p.kind}]`;
    const secret = p.group ? args[p.group - 1] : match;
    if (typeof secret !== 'string' || secret.length === 0) return match;
    if (secret.length >= MIN_SECRET_LENGTH) found.set(secret, p.kind);
    if (!p.group) return label;
    const at = match.lastIndexOf(secret);
    return match.slice(0, at) + label + match.slice(at + secret.length);
  });
}

/** Applies `redact` to every string inside a JSON-like value (objects, arrays), returning a copy. */
export function redactDeep<T>(value: T, redact: (s: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redact);
    return out as T;
  }
  return value;
}
