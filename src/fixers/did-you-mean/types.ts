import type { FailureEvent } from '../../events/index.js';
import type { SourceLang } from '../shared/language.js';
import type { SourceLocation } from '../shared/locations.js';
import type { TokenRole } from '../shared/token-edit.js';

/**
 * A tool's own "did you mean": replace the identifier `from` by `to` at one of `locations`.
 * `role: 'import'` also renames the binding's other uses in the same file (the import introduced it).
 */
export interface Suggestion {
  from: string;
  to: string;
  role: TokenRole | 'import';
  lang: SourceLang;
  /** Candidate places, most likely first. */
  locations: SourceLocation[];
  /** The first location is a compiler's exact position: if the token is not there, the failure is stale. */
  exact: boolean;
  /** What said so: "TS2552", "python NameError", "rustc E0425", "go: unique near miss in scope". */
  source: string;
  /** `from`/`to` are a module specifier: every quoted occurrence in the file is replaced. */
  literal?: boolean;
}

export interface SuggestEnv {
  worktree: string;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Per-proposal memo so several events share one expensive look-up (one `cargo check`). */
  memo: Map<string, Promise<unknown>>;
}

export type SuggestOutcome = { suggestion: Suggestion } | { refused: string } | undefined;

/** One language's or tool's suggestions. `recognizes` is a cheap check (used by `appliesTo`). */
export interface SuggestionSource {
  id: string;
  recognizes(event: FailureEvent): boolean;
  suggest(event: FailureEvent, env: SuggestEnv): Promise<SuggestOutcome>;
}
