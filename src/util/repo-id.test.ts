import { describe, expect, it } from 'vitest';
import { stripCredentials } from './repo-id.js';

describe('repoId', () => {
  it('drops user and token from an origin URL, keeps scp-style and plain ones', () => {
    expect(stripCredentials('https://x-access-token:ghs_abc123@github.com/acme/app.git')).toBe('https://github.com/acme/app.git');
    expect(stripCredentials('https://github.com/acme/app.git')).toBe('https://github.com/acme/app.git');
    expect(stripCredentials('git@github.com:acme/app.git')).toBe('git@github.com:acme/app.git');
    expect(stripCredentials('ssh://git@host:22/acme/app')).toBe('ssh://host:22/acme/app');
  });
});
