// Writes the JSON Schemas of the calendar and rules formats (schema/*.json) from the zod schemas, for editor
// completion. `npm run gen:schema` runs it; a test fails when a committed file is stale.
import { writeFileSync } from 'node:fs';
import { alignmentJsonSchemaText } from '../src/schema/alignment-json-schema.js';
import { calendarJsonSchemaText } from '../src/schema/json-schema.js';

for (const [name, text] of [
  ['calendar', calendarJsonSchemaText()],
  ['alignment', alignmentJsonSchemaText()],
] as const) {
  writeFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), text);
  console.log(`wrote schema/${name}.schema.json`);
}
