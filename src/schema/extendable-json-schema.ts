// The JSON Schema shape shared by every input format that supports `extends`: a file with `extends` is
// checked against the override schema (partial), any other against the full one. A subschema used more than
// once (a localized text, a date rule) is written once under `$defs` and referred to: the files are a third
// of their size written out in place.
import * as z from './zod.js';

export type Json = { [key: string]: unknown };

/** A schema as JSON: its body, and the subschemas it refers to (`#/$defs/<name>`). */
export interface JsonPart {
  body: Json;
  defs: Json;
}

/** A zod schema as JSON Schema (input side), without its `$schema` line (it is set once at the top). */
export function toJson(schema: z.ZodMiniType): JsonPart {
  const {
    $schema: _drop,
    $defs,
    ...body
  } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    reused: 'ref',
  }) as Json;
  return { body, defs: ($defs as Json | undefined) ?? {} };
}

/** Every node of a JSON value through `f`, leaves first. */
export function mapJson(node: unknown, f: (node: Json) => Json): unknown {
  if (Array.isArray(node)) return node.map(n => mapJson(n, f));
  if (typeof node !== 'object' || node === null) return node;
  return f(Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, mapJson(v, f)])));
}

/** The part with each of its `$defs` renamed `<prefix><name>`, so that two parts can share one `$defs`. */
function prefixed(part: JsonPart, prefix: string): JsonPart {
  const rename = (node: Json): Json =>
    typeof node['$ref'] === 'string' && node['$ref'].startsWith('#/$defs/')
      ? { ...node, $ref: `#/$defs/${prefix}${node['$ref'].slice('#/$defs/'.length)}` }
      : node;
  return {
    body: mapJson(part.body, rename) as Json,
    defs: Object.fromEntries(Object.entries(part.defs).map(([k, v]) => [`${prefix}${k}`, mapJson(v, rename)])),
  };
}

/** `name` gives the schema's $id; `fullDef` names the full schema under $defs (`calendar`, `rules`). */
export function extendableJsonSchema(
  meta: { name: string; fullDef: string; title: string; description: string },
  fullPart: JsonPart,
  overridePart: JsonPart
): Json {
  const full = prefixed(fullPart, `${meta.fullDef}.`);
  const override = prefixed(overridePart, 'override.');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://cyclesync.invalid/schema/${meta.name}.schema.json`,
    title: meta.title,
    description: meta.description,
    if: { required: ['extends'] },
    then: { $ref: '#/$defs/override' },
    else: { $ref: `#/$defs/${meta.fullDef}` },
    $defs: { [meta.fullDef]: full.body, override: override.body, ...full.defs, ...override.defs },
  };
}
