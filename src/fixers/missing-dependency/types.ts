/** What one ecosystem's resolver decided for one missing module. */
export type DependencyOutcome =
  | { kind: 'edit'; file: string; text: string; summary: string }
  /** The manifest was already changed by the project's own tool (go get). */
  | { kind: 'edited'; summary: string }
  | { kind: 'unfixable'; reason: string }
  | { kind: 'pass'; reason: string };

export interface ResolveEnv {
  worktree: string;
  signal: AbortSignal;
  log: (line: string) => void;
  /** The sandbox's scratch space (FixContext.scratchDir): where a package is installed to verify a fix. */
  scratchDir?: string;
}
