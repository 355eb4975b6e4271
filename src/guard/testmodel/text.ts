import type { TestCase, TestFileModel } from './model.js';

/**
 * Rust and Java/Kotlin tests, found by their attributes/annotations. There is no grammar for these
 * languages in the guard yet, so this counts tests (for deleted-tests) without reading assertions.
 */
export function extractAnnotatedTests(text: string, lang: 'rust' | 'java'): TestFileModel {
  const marker = lang === 'rust' ? /^\s*#\[(\w+::)?test\]/ : /^\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory)\b/;
  const nameRe = lang === 'rust' ? /\bfn\s+(\w+)/ : /\b(\w+)\s*\(/;
  const lines = text.split('\n');
  const tests: TestCase[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!marker.test(lines[i]!)) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
      if (/^\s*(#\[|@)/.test(lines[j]!)) continue;
      const m = nameRe.exec(lines[j]!);
      if (m) {
        tests.push({ name: m[1]!, line: j + 1, endLine: j + 1, assertions: [], literals: [] });
        break;
      }
    }
  }
  return { tests };
}
