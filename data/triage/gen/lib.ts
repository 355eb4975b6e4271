import { adjectives, dirs, nouns, verbs } from './words.js';

/** Deterministic RNG (mulberry32) so the data set can be regenerated. */
export class Gen {
  #s: number;
  constructor(seed: number) {
    this.#s = seed >>> 0;
  }
  next(): number {
    let t = (this.#s = (this.#s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  noun(): string {
    return this.pick(nouns);
  }
  verb(): string {
    return this.pick(verbs);
  }
  adj(): string {
    return this.pick(adjectives);
  }
  /** camelCase identifier: fetchInvoice, activeUserCount. */
  camel(): string {
    const parts = this.chance(0.5) ? [this.verb(), this.noun()] : [this.adj(), this.noun(), ...(this.chance(0.4) ? [this.noun()] : [])];
    return parts.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join('');
  }
  snake(): string {
    return this.camel().replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
  }
  pascal(): string {
    const c = this.camel();
    return c[0]!.toUpperCase() + c.slice(1);
  }
  /** A lower-case identifier that is a valid package/module name. */
  modname(): string {
    return this.chance(0.5) ? this.noun() : `${this.noun()}_${this.noun()}`;
  }
  dir(): string {
    return this.pick(dirs);
  }
  /** Distinct values from a generator. */
  distinct<T>(n: number, f: () => T): T[] {
    const out: T[] = [];
    for (let tries = 0; out.length < n && tries < n * 50; tries++) {
      const v = f();
      if (!out.includes(v)) out.push(v);
    }
    return out;
  }
  value(): string | number {
    return this.chance(0.5) ? this.int(0, 5000) : JSON.stringify(this.noun() + (this.chance(0.5) ? '-' + this.int(1, 99) : ''));
  }
}

export interface Case {
  /** Files to write, relative to the case's working directory. */
  files: Record<string, string>;
  /** Shell command run with bash in that directory; stdout and stderr are interleaved like a CI log. */
  cmd: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Files to make executable (or not): path → mode. */
  modes?: Record<string, number>;
  /** The stage, when it depends on the variant (a build script vs a deploy script). */
  stage?: string;
  /** A note on what was broken, stored with the example. */
  note?: string;
}

export interface Template {
  /** Unique id; the held-out split is made by template, so near-duplicates never leak. */
  id: string;
  /** The tool whose output this is: tsc, node, python, pytest, go, cargo, javac, eslint, npm, git, bash... */
  tool: string;
  lang: string;
  stage: string;
  category: string;
  /** How many variants to generate. */
  n: number;
  /** Sanity check on the real output: the broken input produced the failure it was meant to. */
  expect: RegExp;
  /** The line that states the cause, when `expect` alone is too loose to find it (ground truth for extraction). */
  cause?: RegExp;
  /** Require a non-zero exit (default true). */
  mustFail?: boolean;
  make(g: Gen, i: number): Case;
}

export interface Example {
  id: string;
  template: string;
  tool: string;
  lang: string;
  stage: string;
  category: string;
  command: string;
  exit_code: number | null;
  output: string;
  /** The output line that states the cause: the first line matching the template's cause (or expect) pattern. */
  cause?: string;
  note?: string;
  flaky?: { runs: number; failures: number; passes: number };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** The first output line matching the template's cause pattern (ANSI colours ignored). */
export function causeLine(t: Pick<Template, 'cause' | 'expect'>, output: string): string | undefined {
  const re = t.cause ?? t.expect;
  for (const raw of output.split('\n')) {
    const line = raw.replace(ANSI, '').trim();
    if (line !== '' && re.test(line)) return line;
  }
  return undefined;
}

export function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
