/** Quotes one argument for a POSIX shell so a printed `repro_cmd` can be pasted as-is. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Joins argv into one pasteable command line. */
export function shellJoin(argv: string[]): string {
  return argv.map(shellQuote).join(' ');
}

/** Escapes a literal string for use inside a regular expression (test-name filters are regexes). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
