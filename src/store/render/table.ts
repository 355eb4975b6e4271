/**
 * Plain aligned columns for the terminal. A tiny helper rather than a table library: the output is a
 * few short rows of ASCII, and keeping it free of borders keeps it grep- and diff-friendly.
 */
export function formatTable(header: string[], rows: string[][], align: Array<'l' | 'r'> = []): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === 'r' ? pad(c, widths[i]!, true) : pad(c, widths[i]!, false)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, left: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return left ? fill + s : s + fill;
}
