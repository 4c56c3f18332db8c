// Generates the JSON Schema of the calendar format from the zod schema, for editor completion
// (`# yaml-language-server: $schema=…`). A planner's file that `extends` another is partial, so the schema
// checks it against a copy with every `required` list removed.
import { z } from 'zod';
import { calendarSchema } from './calendar.schema.js';

type Json = { [key: string]: unknown };

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
  const full = z.toJSONSchema(calendarSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  const { $schema, ...body } = full;
  return {
    $schema,
    $id: 'https://cyclesync.invalid/schema/calendar.schema.json',
    title: 'cyclesync calendar',
    description: 'A cycle of milestones (SOCTA → EMPACT, IDEAL → CLASI, …). See README › Calendar format.',
    if: { required: ['extends'] },
    then: { $ref: '#/$defs/override' },
    else: { $ref: '#/$defs/calendar' },
    $defs: { calendar: body, override: stripRequired(body) },
  };
}

export const calendarJsonSchemaText = (): string => JSON.stringify(calendarJsonSchema(), null, 2) + '\n';
