import type { Gen } from '../lib.js';

/** A few ordinary functions so the broken line sits in a realistic module with its own names. */
export function pyFiller(g: Gen, k = g.int(1, 3)): string {
  const out: string[] = [];
  for (let i = 0; i < k; i++) {
    const f = g.snake();
    const a = g.noun();
    const b = g.noun();
    const body = g.pick([
      `    return [${a} for ${a} in ${b}s if ${a}]`,
      `    total = 0\n    for ${a} in ${b}s:\n        total += len(str(${a}))\n    return total`,
      `    if not ${b}s:\n        return None\n    return sorted(${b}s)[0]`,
      `    return {"${a}": ${b}s, "count": len(${b}s)}`,
    ]);
    out.push(`def ${f}(${b}s):\n${body}\n`);
  }
  return out.join('\n');
}

export function pyHeader(g: Gen): string {
  return g.pick(['', 'import json\n', 'import os\n', 'from typing import Any\n', 'import logging\n\nlog = logging.getLogger(__name__)\n', 'from dataclasses import dataclass\n']);
}

/** pytest invocations as CI jobs write them. */
export function pytestCmd(g: Gen, target: string): string {
  return `python3 -m pytest ${g.pick(['', '-q ', '-v ', '-x ', '--tb=short ', '-rA ', '--tb=long ', '-ra -q '])}-p no:cacheprovider ${target}`;
}
