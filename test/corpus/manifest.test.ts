/**
 * The real-world corpus is an in-repo copy (test/fixtures/corpus/test-reports) of the shared corpus, so
 * the corpus tests run on a fresh checkout. This checks the copy is exactly what its manifest describes:
 * every listed file present with its size and sha1, and nothing unlisted beside the manifest and README.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../fixtures/corpus/test-reports/', import.meta.url));

const rows = readFileSync(`${DIR}MANIFEST.tsv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [repo, commit, path, format, bytes, sha1] = line.split('\t') as [string, string, string, string, string, string];
    return { repo, commit, path, format, bytes: Number(bytes), sha1, name: `${repo}/${path}` };
  });

describe('in-repo corpus copy', () => {
  it('has every file of the manifest, byte for byte (size and sha1)', () => {
    expect(rows).toHaveLength(317);
    const wrong: string[] = [];
    for (const r of rows) {
      const body = readFileSync(`${DIR}${r.name}`);
      const sha1 = createHash('sha1').update(body).digest('hex');
      if (body.length !== r.bytes || sha1 !== r.sha1) wrong.push(`${r.name}: ${body.length} bytes, sha1 ${sha1}`);
    }
    expect(wrong).toEqual([]);
  });

  it('holds nothing the manifest does not list (besides the manifest and README)', () => {
    const listed = new Set(rows.map((r) => r.name));
    const present = readdirSync(DIR, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.relative(DIR, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
    const extra = present.filter((p) => !listed.has(p) && p !== 'MANIFEST.tsv' && p !== 'README.md');
    expect(extra).toEqual([]);
    expect(present).toHaveLength(rows.length + 2);
  });

  it('names a source repository and a full commit for every file', () => {
    for (const r of rows) {
      expect(r.repo, r.name).toMatch(/^[\w.-]+\+[\w.-]+$/);
      expect(r.commit, r.name).toMatch(/^[0-9a-f]{40}$/);
    }
  });
});
