// Writes schema/calendar.schema.json from the compiled zod schema (run after `npm run build`).
// A test fails when the committed file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { calendarJsonSchemaText } from '../dist/schema/json-schema.js';
import { alignmentJsonSchemaText } from '../dist/schema/alignment-json-schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/calendar.schema.json', import.meta.url), calendarJsonSchemaText());
console.log('wrote schema/calendar.schema.json');
writeFileSync(new URL('../schema/alignment.schema.json', import.meta.url), alignmentJsonSchemaText());
console.log('wrote schema/alignment.schema.json');
