import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../harness.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/guard/openapi/', import.meta.url));
const read = (f: string): string => readFileSync(dir + f, 'utf8');
const base = {
  'api/openapi.yaml': read('openapi.yaml'),
  'api/schemas/pet.yaml': read('schemas/pet.yaml'),
  'api/schemas/owner.yaml': read('schemas/owner.yaml'),
  'api/schemas/new-pet.yaml': read('schemas/new-pet.yaml'),
  'src/pets.ts': 'export const pets = [];\n',
};
const config = { guard: { openapi: { spec: 'api/openapi.yaml' } } };

describe('openapi-drift', () => {
  it('asks for approval for a breaking change made in a $ref-ed file', async () => {
    const f = await ruleFindings('openapi-drift', base, { 'api/schemas/pet.yaml': base['api/schemas/pet.yaml'].replace(/  tags:\n    type: array\n    items:\n      type: string\n/, '') }, { config });
    expect(f).toContainEqual(expect.objectContaining({ severity: 'approval', file: 'api/openapi.yaml', message: 'breaking API change: GET /pets 200 response[].tags: property removed' }));
    expect(f.every((x) => x.severity === 'approval')).toBe(true);
  });

  it('reports a non-breaking change as info only', async () => {
    const f = await ruleFindings('openapi-drift', base, { 'api/openapi.yaml': base['api/openapi.yaml'].replace('paths:\n', 'paths:\n  /health:\n    get:\n      responses:\n        "200":\n          description: ok\n') }, { config });
    expect(f).toEqual([expect.objectContaining({ severity: 'info', message: 'non-breaking API change: /health: path added' })]);
  });

  it('flags a deleted spec, and stays quiet when no spec is configured', async () => {
    expect((await ruleFindings('openapi-drift', base, { 'api/openapi.yaml': null }, { config }))[0]!.message).toBe('the OpenAPI spec api/openapi.yaml was deleted');
    expect(await ruleFindings('openapi-drift', base, { 'api/openapi.yaml': null })).toEqual([]);
  });

  it('compares the spec the project generates with the committed one', async () => {
    // The "generator" prints the committed spec without DELETE /pets/{id}: the code dropped an operation.
    const generator = "sed '/    delete:/,/          description: Deleted/d' api/openapi.yaml";
    const gen = { guard: { openapi: { spec: 'api/openapi.yaml', generate: { command: generator } } } };
    const f = await ruleFindings('openapi-drift', base, { 'src/pets.ts': 'export const pets = [1];\n' }, { config: gen, rootHolds: 'head' });
    expect(f).toEqual([expect.objectContaining({ severity: 'block', message: expect.stringContaining('differs from the generated one') })]);
    expect(f[0]!.message).toContain('DELETE /pets/{id}: operation removed');
    const same = { guard: { openapi: { spec: 'api/openapi.yaml', generate: { command: 'cat api/openapi.yaml' } } } };
    expect(await ruleFindings('openapi-drift', base, { 'src/pets.ts': 'export const pets = [1];\n' }, { config: same, rootHolds: 'head' })).toEqual([]);
  });

  it('reports a failing generator as a finding a human must look at', async () => {
    const bad = { guard: { openapi: { spec: 'api/openapi.yaml', generate: { command: 'exit 3' } } } };
    const f = await ruleFindings('openapi-drift', base, { 'src/pets.ts': 'export const pets = [1];\n' }, { config: bad, rootHolds: 'head' });
    expect(f).toEqual([expect.objectContaining({ severity: 'approval', message: 'rule failed: spec generator `exit 3` exited 3: ' })]);
  });
});
