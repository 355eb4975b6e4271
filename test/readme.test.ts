import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it("has a suture.yml example that the config loader accepts as written", () => {
    const block = /```yaml\n(# suture\.yml[^]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const config = parseConfig(block!, 'README.md');
    expect(config.heal.confidence_threshold).toBe(0.85);
    expect(config.runners.flaky_reruns).toBe(2);
  });

  it('has only yaml examples that the config loader accepts', () => {
    const blocks = [...readme.matchAll(/```yaml\n([^]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) expect(() => parseConfig(block, 'README.md')).not.toThrow();
    const llm = parseConfig(blocks.find((b) => b.startsWith('llm:'))!, 'README.md').llm;
    expect(llm).toMatchObject({ provider: 'anthropic', fallback: 'openai', agent: { command: expect.stringContaining('{task_file}') } });
    expect(llm.providers.local).toMatchObject({ type: 'openai', base_url: 'http://localhost:11434/v1' });
  });

  it('names the same test command that .ci/run runs', () => {
    const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    expect(readme).toMatch(/^npm test$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
