import type { EventKind, EventStatus, FlakyEvidence } from '../../events/index.js';
import type { Category, Stage } from '../taxonomy.js';

/** What rules and the model see of a failure: the event's fields plus its text, ANSI-free and capped. */
export interface Signal {
  /** error class, code and message (and the head of the stack), one string, capped. */
  text: string;
  message: string;
  framework: string;
  kind: EventKind;
  status: EventStatus;
  errorClass?: string;
  errorCode?: string;
  /** The CI step or suite the failure came from, when known ("Install dependencies", "Lint"). */
  step?: string;
  flaky?: FlakyEvidence;
}

export interface RuleDecision {
  category: Category;
  stage?: Stage;
}

/**
 * One built-in rule. `needles` are lower-case literals of which at least one must occur in the
 * lower-cased text before the (slower) regex or decide function runs: most rules are skipped by one
 * `includes` call, which keeps classification fast on millions of events.
 */
export interface Rule {
  id: string;
  needles?: string[];
  re?: RegExp;
  category?: Category;
  stage?: Stage;
  /** For rules whose answer depends on what matched (a code table, a relative vs a bare module). */
  decide?: (s: Signal, m: RegExpExecArray | null) => RuleDecision | undefined;
}

/** A rule's verdict, named so its measured precision can be looked up and reported. */
export interface RuleHit extends RuleDecision {
  rule: string;
}
