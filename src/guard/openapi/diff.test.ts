import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { diffOpenApi } from './diff.js';
import { loadOpenApi } from './load.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/guard/openapi/', import.meta.url));
const fromDisk = (overrides: Record<string, string> = {}) => async (rel: string): Promise<string | undefined> => {
  if (rel in overrides) return overrides[rel];
  try {
    return await readFile(dir + rel, 'utf8');
  } catch {
    return undefined;
  }
};

/** Loads the fixture spec with one file edited (YAML round-trip through a function). */
async function edited(file: string, edit: (doc: any) => void) {
  const doc = parse((await fromDisk()(file))!);
  edit(doc);
  return loadOpenApi('openapi.yaml', fromDisk({ [file]: stringify(doc) }));
}

async function changes(file: string, edit: (doc: any) => void) {
  const base = (await loadOpenApi('openapi.yaml', fromDisk()))!;
  return diffOpenApi(base, (await edited(file, edit))!);
}

describe('OpenAPI drift', () => {
  it('resolves internal and cross-file $refs', async () => {
    const doc = (await loadOpenApi('openapi.yaml', fromDisk())) as any;
    const pet = doc.paths['/pets'].get.responses['200'].content['application/json'].schema.items;
    expect(pet.properties.owner.properties.email.type).toBe('string');
    expect(doc.paths['/pets'].get.parameters[1].name).toBe('species');
  });

  it('finds no change between identical specs', async () => {
    const a = (await loadOpenApi('openapi.yaml', fromDisk()))!;
    const b = (await loadOpenApi('openapi.yaml', fromDisk()))!;
    expect(diffOpenApi(a, b)).toEqual([]);
  });

  it.each([
    ['removed path', 'openapi.yaml', (d: any) => delete d.paths['/pets/{id}'], { where: '/pets/{id}', message: 'path removed' }],
    ['removed operation', 'openapi.yaml', (d: any) => delete d.paths['/pets/{id}'].delete, { where: 'DELETE /pets/{id}', message: 'operation removed' }],
    ['removed response property (in a $ref-ed file)', 'schemas/pet.yaml', (d: any) => delete d.properties.tags, { where: 'GET /pets 200 response[].tags', message: 'property removed' }],
    ['new required parameter', 'openapi.yaml', (d: any) => d.paths['/pets'].get.parameters.push({ name: 'owner', in: 'query', required: true, schema: { type: 'string' } }), { where: 'GET /pets', message: 'new required query parameter owner' }],
    ['new required request property', 'schemas/new-pet.yaml', (d: any) => { d.properties.age = { type: 'integer' }; d.required.push('age'); }, { where: 'POST /pets request.age', message: 'new required property' }],
    ['type change', 'schemas/owner.yaml', (d: any) => (d.properties.email.type = 'integer'), { where: 'GET /pets 200 response[].owner.email', message: 'type changed string → integer' }],
    ['enum narrowed in a request', 'schemas/new-pet.yaml', (d: any) => (d.properties.species.enum = ['cat', 'dog']), { where: 'POST /pets request.species', message: 'enum narrowed: removed "bird"' }],
  ])('classifies %s as breaking', async (_name, file, edit, expected) => {
    const found = await changes(file, edit);
    expect(found).toContainEqual({ breaking: true, ...expected });
  });

  it.each([
    ['new path', 'openapi.yaml', (d: any) => (d.paths['/health'] = { get: { responses: { '200': { description: 'ok' } } } }), 'path added'],
    ['new optional parameter', 'openapi.yaml', (d: any) => d.paths['/pets'].get.parameters.push({ name: 'q', in: 'query', schema: { type: 'string' } }), 'new optional query parameter q'],
    ['new response property', 'schemas/pet.yaml', (d: any) => (d.properties.age = { type: 'integer' }), 'new optional property'],
    ['enum widened', 'schemas/new-pet.yaml', (d: any) => d.properties.species.enum.push('fish'), 'enum widened: added "fish"'],
  ])('classifies %s as non-breaking', async (_name, file, edit, message) => {
    const found = await changes(file, edit);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => !c.breaking)).toBe(true);
    expect(found.map((c) => c.message)).toContain(message);
  });

  it('handles OpenAPI 3.1 JSON with type arrays and circular $refs', async () => {
    const base = (await loadOpenApi('openapi-3.1.json', fromDisk()))!;
    const text = (await fromDisk()('openapi-3.1.json'))!.replace('"total": { "type": ["number", "null"] }', '"total": { "type": "string" }');
    const head = (await loadOpenApi('openapi-3.1.json', fromDisk({ 'openapi-3.1.json': text })))!;
    expect(diffOpenApi(base, head)).toEqual([{ breaking: true, where: 'GET /orders/{id} 200 response.total', message: 'type changed number → string' }]);
  });

  it('says which $ref target is missing and rejects non-OpenAPI documents', async () => {
    await expect(loadOpenApi('openapi.yaml', fromDisk({ 'schemas/owner.yaml': undefined as unknown as string }))).rejects.toThrow(/cannot read schemas\/owner\.yaml/);
    await expect(loadOpenApi('x.yaml', async () => 'a: 1\n')).rejects.toThrow('x.yaml is not an OpenAPI document');
  });
});
