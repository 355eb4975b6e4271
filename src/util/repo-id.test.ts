import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoId, stripCredentials } from './repo-id.js';

describe('repoId', () => {
  it('drops user and token from an origin URL, keeps scp-style and plain ones', () => {
    expect(stripCredentials('https://x-access-token:ghs_abc123@github.com/acme/app.git')).toBe('https://github.com/acme/app.git');
    expect(stripCredentials('https://github.com/acme/app.git')).toBe('https://github.com/acme/app.git');
    expect(stripCredentials('git@github.com:acme/app.git')).toBe('git@github.com:acme/app.git');
    expect(stripCredentials('ssh://git@host:22/acme/app')).toBe('ssh://host:22/acme/app');
  });

  it("names a real repository by its origin without the token, and a plain directory by its name", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'suture-repoid-'));
    try {
      expect(await repoId(dir)).toBe(path.basename(dir));
      execFileSync('git', ['init', '-q'], { cwd: dir });
      execFileSync('git', ['remote', 'add', 'origin', 'https://bot:ghp_secret123@github.com/acme/app.git'], { cwd: dir });
      expect(await repoId(dir)).toBe('https://github.com/acme/app.git');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
