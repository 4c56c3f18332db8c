// Generates the JSON Schema of the calendar format from the zod schema, for editor completion
// (`# yaml-language-server: $schema=…`). A planner's file that `extends` another is partial, so the schema
// checks it against a copy with every `required` list removed.
import { calendarSchema } from './calendar.schema.js';
import { extendableJsonSchema, mapJson, toJson } from './extendable-json-schema.js';
import type { Json } from './extendable-json-schema.js';

/** The schema without any `required` list: what a file that extends another may leave out. */
const withoutRequired = (node: Json): Json => {
  const { required: _drop, ...rest } = node;
  return rest;
};

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
    {
      body: mapJson(full.body, withoutRequired) as Json,
      defs: mapJson(full.defs, withoutRequired) as Json,
    }
  );
}

export const calendarJsonSchemaText = (): string => JSON.stringify(calendarJsonSchema(), null, 2) + '\n';
