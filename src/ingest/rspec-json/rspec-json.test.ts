import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../input/collect.js';
import { rspecJson } from './index.js';

// A real report from dorny/test-reporter's fixtures (copied in test/fixtures/corpus/test-reports).
const fixture = fileURLToPath(new URL('../../../test/fixtures/corpus/test-reports/dorny+test-reporter/__tests__/fixtures/rspec-json.json', import.meta.url));

describe('rspec --format json', () => {
  it('yields examples with exact fields and the stated totals', async () => {
    const { results, totals, error } = await collect(rspecJson, { path: fixture }, { repoRoot: '/app' });
    expect(error).toBeUndefined();
    expect(totals).toEqual([{ tests: 3, failures: 1, skipped: 1, errors: 0 }]);
    expect(results.map((r) => r.status)).toEqual(['passed', 'failed', 'skipped']);
    expect(results[1]).toMatchObject({
      framework: 'rspec',
      test_id: 'spec/config/check_env_vars_spec.rb::CheckEnvVars#call when all env vars are defined behaves like success load > fails in assertion',
      suite: 'CheckEnvVars#call when all env vars are defined behaves like success load',
      name: 'fails in assertion',
      file: 'spec/config/check_env_vars_spec.rb',
      line: 7,
      error_class: 'RSpec::Mocks::MockExpectationError',
      message: expect.stringMatching(/^\(#ActiveSupport::BroadcastLogger:0x00007f1007fedf58\)\.debug\("All config env vars exist"\)\n/),
      duration_ms: 4.411,
      repro_cmd: 'bundle exec rspec spec/config/check_env_vars_spec.rb:17',
    });
    expect(results[2]).toMatchObject({ message: 'Temporarily skipped with xit' });
  });

  it('reports errors outside of examples (a spec file that failed to load)', async () => {
    const doc = { version: '3.13.0', messages: ["An error occurred while loading ./spec/a_spec.rb.\nFailure/Error: require 'nope'\n\nLoadError:\n  cannot load such file -- nope\n# ./spec/a_spec.rb:1:in `<top (required)>'"], examples: [], summary: { example_count: 0, failure_count: 0, pending_count: 0, errors_outside_of_examples_count: 1 } };
    const { results } = await collect(rspecJson, { text: JSON.stringify(doc) }, { repoRoot: '/app' });
    expect(results).toEqual([expect.objectContaining({ status: 'errored', name: '(outside examples)', message: expect.stringMatching(/^An error occurred while loading/) })]);
  });
});
