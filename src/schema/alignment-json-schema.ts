// The JSON Schema of the alignment rules file, generated from the zod schema for editor completion
// (`# yaml-language-server: $schema=…`). A file that `extends` another names only what it changes, so its
// rules may also be partial: any subset of a rule's fields, with no unknown key.
import { z } from 'zod';
import { alignmentSchema, ruleSchema, severitySchema, milestoneRefSchema } from './alignment.schema.js';
import { isoDurationSchema, localizedSchema, slugSchema } from './primitives.js';

import { extendableJsonSchema, toJson } from './extendable-json-schema.js';
import type { Json } from './extendable-json-schema.js';

/** Every field a rule can have, none required: what a planner writes to change a built-in rule. */
const partialRuleSchema = z.strictObject({
  kind: z.enum(['same-period', 'gap', 'before', 'nest', 'cadence', 'all']).optional(),
  clauses: z.array(z.int().min(1).max(99)).min(1).optional(),
  severity: severitySchema.optional(),
  description: localizedSchema.partial().optional(),
  cycles: z.tuple([slugSchema, slugSchema]).optional(),
  from: milestoneRefSchema.optional(),
  to: milestoneRefSchema.optional(),
  min: isoDurationSchema.optional(),
  max: isoDurationSchema.optional(),
  latest: z.array(milestoneRefSchema).min(1).optional(),
  lead: isoDurationSchema.optional(),
  target: milestoneRefSchema.optional(),
  inner: milestoneRefSchema.optional(),
  outer: milestoneRefSchema.optional(),
  of: milestoneRefSchema.optional(),
  every: isoDurationSchema.optional(),
  after: z.array(milestoneRefSchema).min(1).optional(),
  checks: z.array(z.unknown()).min(1).optional(),
});

const overrideSchema = z.strictObject({
  $schema: z.string().optional(),
  extends: z.string(),
  movable: slugSchema.optional(),
  rules: z.record(slugSchema, z.union([ruleSchema, partialRuleSchema])).optional(),
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
