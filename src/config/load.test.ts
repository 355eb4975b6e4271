import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { parseConfig } from './load.js';

describe('suture.yml', () => {
  it('gives safe defaults for an empty file', () => {
    const c = parseConfig('', 'suture.yml');
    expect(c.heal.max_attempts).toBe(3);
    expect(c.heal.confidence_threshold).toBe(0.85);
    expect(c.runners.flaky_reruns).toBe(2);
  });

  it('names file and line for a YAML syntax error', () => {
    expect(() => parseConfig('heal:\n  max_attempts: [1,\n', 'suture.yml')).toThrow(/^suture\.yml:\d+:\d+: invalid YAML/);
  });

  it('names the key and line of an invalid value', () => {
    try {
      parseConfig('version: 1\nheal:\n  max_attempts: 0\n', 'suture.yml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).message).toMatch(/^suture\.yml:3: heal\.max_attempts: /);
    }
  });

  it('rejects unknown keys so typos do not silently do nothing', () => {
    expect(() => parseConfig('heal:\n  max_attempt: 2\n', 'suture.yml')).toThrow(/heal/);
  });
});
