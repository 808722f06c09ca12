/**
 * Writes the JSON Schemas of the e-tjänst document format into docs/ from the zod schemas
 * (src/domain/forms/document/json-schema.ts). A test fails while the files in docs/ differ from them.
 *
 *   npx node scripts/e-tjanst-json-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { documentJsonSchemas } from '../src/domain/forms/document/json-schema.ts';

const docs = new URL('../docs/', import.meta.url);
for (const [name, schema] of Object.entries(documentJsonSchemas())) {
  writeFileSync(new URL(`e-tjanst-${name}.schema.json`, docs), `${JSON.stringify(schema, null, 2)}\n`);
}
