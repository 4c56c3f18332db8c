// The JSON Schema of the alignment rules file, generated from the zod schema for editor completion
// (`# yaml-language-server: $schema=…`). A file that `extends` another names only what it changes, so its
// rules may also be partial: any subset of a rule's fields, with no unknown key.
import * as z from './zod.js';
import { alignmentSchema, CHECK_KINDS, CHECK_SHAPES, ruleMeta, ruleSchema } from './alignment.schema.js';
import { localizedSchema, plainTextSchema, slugSchema } from './primitives.js';

import { extendableJsonSchema, toJson } from './extendable-json-schema.js';
import type { Json } from './extendable-json-schema.js';

/** Every field a rule can have, none required: what a planner writes to change a built-in rule. */
const partialRuleSchema = z.partial(
  z.strictObject({
    kind: z.enum([...CHECK_KINDS, 'all']),
    ...ruleMeta,
    description: z.partial(localizedSchema),
    ...Object.fromEntries(CHECK_SHAPES.flatMap(shape => Object.entries(shape).filter(([key]) => key !== 'kind'))),
    checks: z.array(z.unknown()).check(z.minLength(1)),
  })
);

const overrideSchema = z.strictObject({
  $schema: z.optional(plainTextSchema),
  extends: plainTextSchema,
  movable: z.optional(slugSchema),
  rules: z.optional(z.record(slugSchema, z.union([ruleSchema, partialRuleSchema]))),
});

export const alignmentJsonSchema = (): Json =>
  extendableJsonSchema(
    {
      name: 'alignment',
      fullDef: 'rules',
      title: 'cyclesync alignment rules',
      description: 'The clause-20 alignment rules `cyclesync check` applies. See docs/check.md › Rules.',
    },
    toJson(alignmentSchema),
    toJson(overrideSchema)
  );

export const alignmentJsonSchemaText = (): string => JSON.stringify(alignmentJsonSchema(), null, 2) + '\n';
