/**
 * Adds one dependency to a package.json text the way `npm install --save` would: into the named
 * section (created if absent), keys sorted when the section already was, the file's indentation and
 * final newline kept, every other key left where it was.
 */
export function addJsonDependency(text: string, section: string, name: string, range: string): string {
  const json = JSON.parse(text) as Record<string, unknown>;
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  const existing = (json[section] ?? {}) as Record<string, string>;
  const keys = Object.keys(existing);
  const wasSorted = keys.every((k, i) => i === 0 || keys[i - 1]!.localeCompare(k) <= 0);
  const entries = [...Object.entries(existing), [name, range] as [string, string]];
  if (wasSorted) entries.sort(([a], [b]) => a.localeCompare(b));
  json[section] = Object.fromEntries(entries);
  return JSON.stringify(json, null, indent) + (text.endsWith('\n') ? '\n' : '');
}

export const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

export function declaredIn(json: Record<string, unknown>, name: string): string | undefined {
  return DEPENDENCY_SECTIONS.find((s) => Object.prototype.hasOwnProperty.call(json[s] ?? {}, name));
}
