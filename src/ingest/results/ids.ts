/**
 * test_id conventions (docs/ingest.md): stable across runs, so never a line number, a duration, a
 * report path or a position in a list.
 *
 * Test cases: `<scope>::<name path>`, where scope is the repository-relative test file (or the Go
 * package, or the TAP/dart suite) and the name path is the test's titles joined with " > ".
 */
export function testId(scope: string | undefined, names: string[]): string {
  const path = names.map((n) => n.trim()).filter((n) => n !== '').join(' > ');
  const id = scope ? `${scope}::${path}` : path;
  return id === '' ? '(unnamed test)' : id;
}

/**
 * Diagnostics of build/typecheck/lint tools: `<tool>:<file>:<code>:<normalised message>`. Lines are
 * left out on purpose (they shift whenever code above is edited); the message is normalised (spaces
 * collapsed, numbers that are positions dropped). Identical diagnostics in one file get `#2`, `#3` in
 * printed order, so two unused variables with the same name stay distinct.
 */
export class DiagnosticIds {
  #seen = new Map<string, number>();

  next(tool: string, file: string | undefined, code: string | undefined, message: string): string {
    const base = `${tool}:${file ?? ''}:${code ?? ''}:${normaliseMessage(message)}`;
    const n = (this.#seen.get(base) ?? 0) + 1;
    this.#seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }
}

export function normaliseMessage(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/\(\d+,\d+\)|:\d+:\d+|\bline \d+\b|\bcolumn \d+\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '') // ESLint's JSON keeps the final full stop its stylish output drops
    .slice(0, 300);
}
