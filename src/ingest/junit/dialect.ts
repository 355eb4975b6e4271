/**
 * Which producer wrote a JUnit report. The XML is the same everywhere; what differs is where the file,
 * line and names live, and which command re-runs one test. Decided from the first signs (root and suite
 * names, properties, the first test case's attributes) and fixed at the first test case, so every
 * result of one report is built the same way.
 */
export type Dialect = 'jest' | 'vitest' | 'mocha' | 'node' | 'bun' | 'pytest' | 'go' | 'surefire' | 'phpunit' | 'catch2' | 'ctest' | 'junit';

/** Producers whose repeated test cases in one suite are re-runs of one test (pytest-rerunfailures, go test -count). */
export const REPEATS_ARE_RERUNS: ReadonlySet<Dialect> = new Set(['pytest', 'go']);

/** The `framework` written on results. */
export const FRAMEWORK: Record<Dialect, string> = {
  jest: 'jest',
  vitest: 'vitest',
  mocha: 'mocha',
  node: 'node:test',
  bun: 'bun',
  pytest: 'pytest',
  go: 'go',
  surefire: 'surefire',
  phpunit: 'phpunit',
  catch2: 'catch2',
  ctest: 'ctest',
  junit: 'junit',
};

const ROOT_NAMES: Record<string, Dialect> = {
  'jest tests': 'jest',
  'vitest tests': 'vitest',
  'mocha tests': 'mocha',
  'pytest tests': 'pytest',
  'bun test': 'bun',
};

/** bun and PHPUnit both write `assertions` and `file`: a script file is bun's. */
const SCRIPT = /\.[cm]?[jt]sx?$/;

export interface CaseSigns {
  classname: string | undefined;
  name: string;
  status: string | undefined;
  hasAssertions: boolean;
  hasFile: boolean;
  file: string | undefined;
  nodeFailureAttr: boolean;
}

export class DialectSniffer {
  private guess: Dialect | undefined;
  private locked: Dialect | undefined;

  get isLocked(): boolean {
    return this.locked !== undefined;
  }

  get dialect(): Dialect {
    return this.locked ?? this.guess ?? 'junit';
  }

  private suggest(d: Dialect): void {
    if (this.locked === undefined && this.guess === undefined) this.guess = d;
  }

  root(name: string | undefined): void {
    const d = name ? ROOT_NAMES[name.trim().toLowerCase()] : undefined;
    if (d) this.suggest(d);
  }

  suite(name: string | undefined, hostname: string | undefined, schema: string | undefined, hasAssertions: boolean, file: string | undefined): void {
    if (name === 'pytest') this.suggest('pytest');
    else if (name === 'Root Suite') this.suggest('mocha');
    else if (schema && /surefire/i.test(schema)) this.suggest('surefire');
    else if (hostname === 'tbd') this.suggest('catch2');
    else if (hasAssertions && file !== undefined) this.suggest(SCRIPT.test(file) ? 'bun' : 'phpunit');
  }

  property(name: string | undefined): void {
    if (name === undefined || this.locked !== undefined || this.guess !== undefined) return;
    if (name === 'go.version') this.suggest('go');
    else if (/^(java\.|surefire\.|maven\.)/.test(name)) this.suggest('surefire');
  }

  /** Surefire-only elements prove the dialect whatever came before. */
  surefireElement(): void {
    if (this.locked === undefined && (this.guess === undefined || this.guess === 'junit')) this.guess = 'surefire';
  }

  testcase(c: CaseSigns): Dialect {
    if (this.locked !== undefined) return this.locked;
    let d = this.guess;
    if (d === undefined) {
      if (c.classname === 'test' && c.nodeFailureAttr) d = 'node';
      else if (c.classname === 'test' && !c.hasFile) d = 'node';
      else if (c.status !== undefined && /^(run|fail|notrun|disabled)$/.test(c.status) && c.classname === c.name) d = 'ctest';
      else if (c.hasAssertions && c.file !== undefined) d = SCRIPT.test(c.file) ? 'bun' : 'phpunit';
      else if (c.file !== undefined && /\.py$/.test(c.file)) d = 'pytest';
    }
    this.locked = d ?? 'junit';
    return this.locked;
  }
}
