import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedSchemas } from './json-schema.js';

describe('shipped JSON Schemas', () => {
  it('match the zod schemas (run `npm run schema` after changing them)', () => {
    for (const [name, schema] of Object.entries(generatedSchemas())) {
      const shipped = JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8'));
      expect(shipped, name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});
