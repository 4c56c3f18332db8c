// Generates the JSON Schema of the calendar format from the zod schema, for editor completion
// (`# yaml-language-server: $schema=…`). A planner's file that `extends` another is partial, so the schema
// checks it against a copy with every `required` list removed.
import { calendarSchema } from './calendar.schema.js';
import { extendableJsonSchema, toJson } from './extendable-json-schema.js';
import type { Json } from './extendable-json-schema.js';

function stripRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripRequired);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node as Json)
      .filter(([k]) => k !== 'required')
      .map(([k, v]) => [k, stripRequired(v)])
  );
}

export function calendarJsonSchema(): Json {
  const full = toJson(calendarSchema);
  return extendableJsonSchema(
    {
      name: 'calendar',
      fullDef: 'calendar',
      title: 'cyclesync calendar',
      description: 'A cycle of milestones (SOCTA → EMPACT, IDEAL → CLASI, …). See README › Calendar format.',
    },
    full,
    stripRequired(full) as Json
  );
}

export const calendarJsonSchemaText = (): string => JSON.stringify(calendarJsonSchema(), null, 2) + '\n';
