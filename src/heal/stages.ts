import type { HealStageId } from '../report/types.js';

export interface StageDef {
  id: HealStageId;
  /** Shown in the live progress line. */
  label: string;
  /** Changes something outside the sandbox (the user's tree, the store, files): skipped by --dry-run. */
  sideEffects: boolean;
}

/** The heal run's stages, in order (semantic-release style: declared once, read by the loop). */
export const STAGES: readonly StageDef[] = [
  { id: 'prepare', label: 'preparing the sandbox', sideEffects: false },
  { id: 'baseline', label: 'running the tests (baseline)', sideEffects: false },
  { id: 'triage', label: 'triaging failures', sideEffects: false },
  { id: 'heal', label: 'healing', sideEffects: false },
  { id: 'apply', label: 'applying verified fixes', sideEffects: true },
  { id: 'record', label: 'recording history', sideEffects: true },
  // File-writing reporters declare `writesFiles` and are left out on --dry-run; the terminal summary is not a side effect.
  { id: 'write', label: 'reporting', sideEffects: false },
];

export function stageDef(id: HealStageId): StageDef {
  return STAGES.find((s) => s.id === id)!;
}
