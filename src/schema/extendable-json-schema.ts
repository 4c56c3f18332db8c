// The JSON Schema shape shared by every input format that supports `extends`: a file with `extends` is
// checked against the override schema (partial), any other against the full one.
import * as z from './zod.js';

export type Json = { [key: string]: unknown };

/** A zod schema as JSON Schema (input side), without its `$schema` line (it is set once at the top). */
export function toJson(schema: z.ZodMiniType): Json {
  const { $schema: _drop, ...body } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return body;
}

/** `name` gives the schema's $id; `fullDef` names the full schema under $defs (`calendar`, `rules`). */
export function extendableJsonSchema(
  meta: { name: string; fullDef: string; title: string; description: string },
  full: Json,
  override: Json
): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://cyclesync.invalid/schema/${meta.name}.schema.json`,
    title: meta.title,
    description: meta.description,
    if: { required: ['extends'] },
    then: { $ref: '#/$defs/override' },
    else: { $ref: `#/$defs/${meta.fullDef}` },
    $defs: { [meta.fullDef]: full, override },
  };
}
