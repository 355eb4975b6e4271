/**
 * A compiler diagnostic's test_id: tool, file, code and message, so the same problem keeps its id from
 * run to run (a flaky-or-fixed verdict depends on it); the nth identical one in a run gets `#n`.
 */
export function diagnosticIds(): (tool: string, file: string | undefined, code: string | undefined, message: string) => string {
  const seen = new Map<string, number>();
  return (tool, file, code, message) => {
    const base = `${tool}:${file ?? ''}:${code ?? ''}:${message.replace(/\s+/g, ' ')}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  };
}
