export interface Section {
  title: string;
  body: string;
  /** Higher is kept longer when the prompt must shrink. */
  priority: number;
  /** Text that must stay at the end of the body if it is trimmed (a closing fence). */
  keepTail?: string;
}

const MARK = '\n… [trimmed to fit the prompt size limit]';

/**
 * Renders sections as Markdown under `maxChars`, trimming the lowest-priority sections first (each
 * to what fits, or away entirely), so the failure and the code under test survive longest.
 */
export function fitSections(sections: Section[], maxChars: number): string {
  const bodies = sections.map((s) => s.body);
  const render = () =>
    sections
      .map((s, i) => (bodies[i] === '' ? '' : `## ${s.title}\n${bodies[i]}`))
      .filter(Boolean)
      .join('\n\n');
  let text = render();
  const order = sections.map((s, i) => ({ i, p: s.priority })).sort((a, b) => a.p - b.p || b.i - a.i);
  for (const { i } of order) {
    const excess = text.length - maxChars;
    if (excess <= 0) break;
    const s = sections[i]!;
    const body = bodies[i]!;
    const tail = s.keepTail ?? '';
    const keep = body.length - excess - MARK.length - tail.length - 8;
    bodies[i] = keep > 200 ? `${body.slice(0, keep)}${MARK}${tail}` : '';
    text = render();
  }
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}
