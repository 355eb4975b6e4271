import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDiff, toPatch } from './parse.js';

const GIT = `diff --git a/src/a.ts b/src/a.ts
index 1111111..2222222 100644
--- a/src/a.ts
+++ b/src/a.ts
@@ -1,4 +1,4 @@
 line1
-old
+new
 --- not a header, a content line
 line4
diff --git a/old.txt b/new.txt
similarity index 100%
rename from old.txt
rename to new.txt
diff --git a/gone.py b/gone.py
deleted file mode 100644
index 3333333..0000000
--- a/gone.py
+++ /dev/null
@@ -1,2 +0,0 @@
-def test_a():
-    pass
diff --git a/added.go b/added.go
new file mode 100644
index 0000000..4444444
--- /dev/null
+++ b/added.go
@@ -0,0 +1 @@
+package x
\\ No newline at end of file
diff --git a/img.png b/img.png
index 1..2 100644
Binary files a/img.png and b/img.png differ
diff --git a/empty.txt b/empty.txt
new file mode 100644
index 0000000..e69de29
diff --git "a/dir/with space\\t.md" "b/dir/with space\\t.md"
--- "a/dir/with space\\t.md"
+++ "b/dir/with space\\t.md"
@@ -1 +1 @@
-x
+y
`;

describe('parseDiff', () => {
  it('reads git diffs: modify, rename, delete, add, binary, empty new file, quoted paths', () => {
    const files = parseDiff(GIT);
    expect(files.map((f) => [f.path, f.oldPath, f.status, f.binary])).toEqual([
      ['src/a.ts', undefined, 'modified', false],
      ['new.txt', 'old.txt', 'renamed', false],
      ['gone.py', undefined, 'deleted', false],
      ['added.go', undefined, 'added', false],
      ['img.png', undefined, 'modified', true],
      ['empty.txt', undefined, 'added', false],
      ['dir/with space\t.md', undefined, 'modified', false],
    ]);
    expect(files[0]!.added).toEqual([{ line: 2, text: 'new' }]);
    expect(files[0]!.removed).toEqual([{ line: 2, text: 'old' }]);
    expect(files[0]!.deletedAt).toEqual([2]);
    expect(files[2]!.removed.map((l) => l.line)).toEqual([1, 2]);
    expect(files[3]!.added).toEqual([{ line: 1, text: 'package x' }]);
  });

  it('reads plain diff -u output with timestamps', () => {
    const files = parseDiff('--- a.txt\t2020-01-01 00:00:00\n+++ a.txt\t2021-01-01 00:00:00\n@@ -1,2 +1,2 @@\n-x\n+y\n z\n--- b.txt\n+++ b.txt\n@@ -1 +1,2 @@\n b\n+c\n');
    expect(files.map((f) => [f.path, f.status, f.added.length, f.removed.length])).toEqual([['a.txt', 'modified', 1, 1], ['b.txt', 'modified', 1, 0]]);
  });

  it('counts patch totals and hashes the exact text', () => {
    const p = toPatch(GIT);
    expect([p.files.length, p.linesAdded, p.linesRemoved]).toEqual([7, 3, 4]);
    expect(p.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(toPatch(`${GIT}\n`).hash).not.toBe(p.hash);
  });

  it('rejects malformed input with a clear error', () => {
    expect(() => parseDiff('hello world\n')).toThrow('the patch contains no file changes');
    expect(() => parseDiff('--- a\n+++ b\n@@ -1,3 +1,3 @@\n-x\n+y\n')).toThrow(/^the patch is not a valid unified diff/);
    expect(parseDiff('')).toEqual([]);
  });

  it('reads every patch of the evaluation corpus with the counts git wrote', () => {
    const dir = fileURLToPath(new URL('../../../eval/guard/patches/', import.meta.url));
    const names = readdirSync(dir).filter((f) => f.endsWith('.diff'));
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      const text = readFileSync(dir + name, 'utf8');
      const plus = text.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++ ')).length;
      const minus = text.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('--- ')).length;
      const p = toPatch(text);
      expect([p.linesAdded, p.linesRemoved], name).toEqual([plus, minus]);
    }
  });
});
