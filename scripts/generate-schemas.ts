// Regenerates schema/*.json from the zod schemas. A test fails when the shipped files are stale.
import { writeFileSync } from 'node:fs';
import { generatedSchemas } from '../src/events/json-schema.js';

for (const [name, schema] of Object.entries(generatedSchemas())) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schema/${name}`);
}
