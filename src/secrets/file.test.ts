import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactFile, redactTree } from './file.js';
import { registerSecrets } from './registry.js';

describe('redacting files', () => {
  it('redacts registered values and vendor-shaped keys in every text file of a tree, leaving binaries', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'suture-redact-'));
    const secret = 'planted-value-93f1c2d8e7';
    registerSecrets([secret], 'test');
    const ghp = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    mkdirSync(path.join(dir, 'raw'));
    writeFileSync(path.join(dir, 'run.log'), `connecting with ${secret}\n`.repeat(3) + `token ${ghp}`);
    writeFileSync(path.join(dir, 'raw', 'junit.xml'), `<testsuite><testcase name="t"><failure message="${secret}"/></testcase></testsuite>\n`);
    const binary = Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(secret)]);
    writeFileSync(path.join(dir, 'raw', 'blob.bin'), binary);

    expect(await redactTree(dir)).toBe(2);
    const log = readFileSync(path.join(dir, 'run.log'), 'utf8');
    expect(log).not.toContain(secret);
    expect(log).not.toContain(ghp);
    expect(log.split('\n')).toHaveLength(4);
    expect(readFileSync(path.join(dir, 'raw', 'junit.xml'), 'utf8')).toMatch(/^<testsuite><testcase name="t"><failure message="\[REDACTED:test\]"\/>/);
    expect(readFileSync(path.join(dir, 'raw', 'blob.bin')).equals(binary)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.redacting'))).toEqual([]);
  });

  it('streams a secret that straddles read chunks on one long line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'suture-redact-'));
    const secret = 'straddling-secret-5a6b7c8d';
    registerSecrets([secret], 'test');
    const file = path.join(dir, 'big.log');
    writeFileSync(file, 'x'.repeat(65_530) + secret + '\n' + 'y'.repeat(10) + '\n');
    await redactFile(file);
    const out = readFileSync(file, 'utf8');
    expect(out).not.toContain(secret);
    expect(out.endsWith('y'.repeat(10) + '\n')).toBe(true);
  });
});
