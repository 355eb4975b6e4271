import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';

describe('runners section of suture.yml', () => {
  it('has safe defaults', () => {
    expect(parseConfig('', 'suture.yml').runners).toEqual({
      timeout_seconds: 900,
      flaky_reruns: 2,
      packages: { include: [], exclude: [] },
      frameworks: { include: [], exclude: [] },
      checks: { include: [], exclude: [], enabled: true },
      commands: [],
      ignore: [],
      max_depth: 4,
      pass_env: [],
    });
  });

  it('reads custom commands with their defaults', () => {
    const c = parseConfig('runners:\n  commands:\n    - id: bats\n      command: bats test\n      report: out/*.xml\n', 'suture.yml');
    expect(c.runners.commands).toEqual([{ id: 'bats', dir: '.', command: 'bats test', report: 'out/*.xml', kind: 'test' }]);
  });

  it('names the line and key of a mistake', () => {
    expect(() => parseConfig('runners:\n  pass_env: ["NOT A NAME"]\n', 'suture.yml')).toThrow(/suture.yml:2: runners.pass_env.0: an environment variable name/);
    expect(() => parseConfig('runners:\n  commands:\n    - id: "bad id"\n      command: x\n', 'suture.yml')).toThrow(/runners.commands.0.id: letters, digits, dot, dash, underscore/);
    expect(() => parseConfig('runners:\n  flaky_reruns: 50\n', 'suture.yml')).toThrow(/runners.flaky_reruns/);
    expect(() => parseConfig('runners:\n  unknown_key: 1\n', 'suture.yml')).toThrow(/runners/);
  });
});
