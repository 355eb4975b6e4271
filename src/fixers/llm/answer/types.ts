/**
 * One change to one file: replace `search` (exact, once) by `replace`; an empty `search` creates the
 * file; `whole` replaces the file's entire content with `replace` (JSON answers' `content`).
 */
export interface Edit {
  file: string;
  search: string;
  replace: string;
  whole?: boolean;
}

export type Answer =
  | { kind: 'unfixable'; explanation: string }
  | { kind: 'edits'; explanation: string; edits: Edit[] };

/** An answer that cannot be used as it is; its message goes back to the model. */
export class AnswerError extends Error {
  override readonly name = 'AnswerError';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}
