import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseValidateJson } from './parse.js';

const captured = (f: string) => readFileSync(new URL(`../../../test/fixtures/projects/captured/terraform/${f}`, import.meta.url), 'utf8');
const where = { root: '/repo', pkgDir: 'infra', displayName: 'validate.json' };

describe('parseValidateJson on real terraform output', () => {
  it('turns each error diagnostic into a build result with file, position and "Did you mean"', () => {
    const r = parseValidateJson(captured('invalid.json'), where);
    expect(r).toHaveLength(2);
    expect(r[0]).toEqual({
      kind: 'build',
      framework: 'terraform',
      test_id: 'terraform:infra/main.tf:Reference to undeclared input variable',
      status: 'failed',
      file: 'infra/main.tf',
      line: 12,
      column: 28,
      error_class: 'TerraformValidationError',
      message: 'Reference to undeclared input variable: An input variable with the name "regoin" has not been declared. Did you mean "region"?',
      stack: 'output "bucket"\n  value = "${local.name}-${var.regoin}"',
      suggestion: 'region',
      package: 'infra',
    });
    expect(r[1]).toMatchObject({ file: 'infra/outputs.tf', line: 2, message: expect.stringMatching(/^Reference to undeclared local value/) });
  });

  it('has nothing to say about a valid configuration', () => {
    expect(parseValidateJson(captured('valid.json'), where)).toEqual([]);
  });

  it('marks "run terraform init first" as such', () => {
    const [r] = parseValidateJson(captured('not-initialised.json'), { ...where, pkgDir: '.' });
    expect(r).toMatchObject({ error_class: 'TerraformNotInitialized', test_id: 'terraform:.:Missing required provider', file: undefined });
  });

  it('refuses output that is not validate JSON with a clear error', () => {
    expect(() => parseValidateJson('Error: Failed to load plugin schemas', where)).toThrow(/validate.json: not terraform validate -json output/);
    expect(() => parseValidateJson('{"hello": 1}', where)).toThrow(/unexpected terraform validate -json shape/);
  });
});
