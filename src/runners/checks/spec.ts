import type { CheckKind, PlannedCheck } from '../../events/index.js';
import { shellJoin } from '../../util/shell.js';

/**
 * How a check runs, stored in PlannedCheck.options so a plan stays plain JSON and can be re-run in
 * another checkout (binaries are resolved when it runs, not when it is detected).
 */
export interface CheckSpec {
  /** argv[0] is a tool name resolved at run time according to `resolve`. */
  argv: string[];
  /**
   * node: node_modules/.bin walking up, then PATH; python: argv[0] becomes the package's interpreter;
   * python-bin: the virtualenv's bin/ then PATH; path: PATH only; shell: argv is ['sh', '-c', cmd].
   */
  resolve: 'node' | 'python' | 'python-bin' | 'path' | 'shell';
  /** Shown when the tool is missing. */
  tool: string;
  installHint?: string;
  /** Which build-log extractor reads the output ('tsc', 'eslint', 'python', 'go', 'rustc'...); absent: detect from content. */
  extract?: string;
  /** Read stdout only (a machine format such as eslint's JSON) instead of the whole log. */
  output?: 'log' | 'stdout';
  env?: Record<string, string>;
  /** Arguments shown in repro_cmd when they differ from the run's (machine-format flags dropped). */
  reproArgs?: string[];
}

export function makeCheck(id: string, kind: CheckKind, detectedBy: string, spec: CheckSpec, command?: string): PlannedCheck {
  const shown = spec.resolve === 'shell' ? (spec.argv[2] ?? '') : shellJoin(spec.resolve === 'python' ? ['python3', ...spec.argv.slice(1)] : spec.argv);
  return { id, kind, detectedBy, command: command ?? shown, options: { ...spec } };
}

export function checkSpec(check: PlannedCheck): CheckSpec {
  return check.options as unknown as CheckSpec;
}
