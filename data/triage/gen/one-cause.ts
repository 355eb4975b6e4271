/**
 * Templates whose variants differ only in values that do not change the cause: the environment is the
 * broken part (no Docker daemon, no credentials, an unreachable endpoint, a Node version below the
 * project's `engines`), For the
 * grouping set, every variant of these is one root cause; for all other templates each variant (a
 * different broken identifier, file or value) is its own root cause.
 */
export const ONE_CAUSE = new Set([
  'docker-no-daemon',
  'curl-upload-denied',
  'py-net-dns',
  'npm-ebadengine',
  'npm-publish-conflict',
  'pytest-no-tests',
  'jest-no-tests',
  'vitest-no-files',
]);

/** The root-cause group of a grouping-set row ("template#variant:run"). */
export function groupOf(id: string, template: string): string {
  return ONE_CAUSE.has(template) ? template : id.split(':')[0]!;
}
