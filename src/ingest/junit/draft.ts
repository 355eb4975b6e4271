/** What one JUnit test case said, gathered while it streams past and turned into a TestResult at its end. */
export type OutcomeKind = 'failure' | 'error' | 'skipped' | 'flakyFailure' | 'flakyError' | 'rerunFailure' | 'rerunError';

export interface Outcome {
  kind: OutcomeKind;
  message?: string;
  type?: string;
  /** Element text (or `<stackTrace>` for Surefire's rerun elements), capped. */
  body?: string;
  file?: string;
  line?: number;
}

/** One `<testsuite>` (or the root `<testsuites>`) being read. */
export interface SuiteFrame {
  name: string | undefined;
  file: string | undefined;
  /** Names of the enclosing `<testsuite>`s and this one, outermost first. */
  path: string[];
  /** A suite-level `<error>`/`<failure>`: its setup crashed. */
  outcomes: Outcome[];
  /** Test cases with no name so far in this suite, for `(unnamed N)` ids. */
  unnamed: number;
}

export interface CaseDraft {
  name: string;
  classname: string | undefined;
  file: string | undefined;
  line: number | undefined;
  durationMs: number | undefined;
  status: string | undefined;
  outcomes: Outcome[];
  /** The case's own system-out/system-err, capped: CTest and gotestsum put the failure output there. */
  output: string | undefined;
  suite: SuiteFrame;
}
