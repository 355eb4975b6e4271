import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';

describe('secrets: section of suture.yml', () => {
  it('has safe defaults and takes additions', () => {
    expect(parseConfig('', 'suture.yml').secrets).toEqual({ redact_env: [], patterns: [], env_files: ['.env', '.env.*', '**/.env', '**/.env.*', '**/*.env'] });
    const c = parseConfig('secrets:\n  redact_env: [MY_CONFIG]\n  patterns: ["acme_[a-z0-9]{32}"]\n', 'suture.yml');
    expect(c.secrets.redact_env).toEqual(['MY_CONFIG']);
    expect(c.secrets.patterns).toEqual(['acme_[a-z0-9]{32}']);
  });

  it('names the line of a bad entry', () => {
    expect(() => parseConfig('secrets:\n  patterns: ["acme_[a-z"]\n', 'suture.yml')).toThrow(/suture.yml:2: secrets.patterns.0: a valid regular expression/);
    expect(() => parseConfig('secrets:\n  redact_env: ["NOT A NAME"]\n', 'suture.yml')).toThrow(/secrets.redact_env.0: an environment variable name/);
  });
});
