// The alignment rules file (`calendars/alignment.yaml`, or a planner's file with `extends: builtin:alignment`):
// the single definition of it. Each rule is one generic check kind with its parameters, or `kind: all` with a
// list of checks that must all hold.
import * as z from './zod.js';
import { described } from './zod.js';
import { isoDurationSchema, localizedSchema, plainTextSchema, slugSchema } from './primitives.js';

/** `socta.publication` (a milestone's start), or `socta.masp.end` (the last day of a window). */
export const milestoneRefSchema = z.string().check(
  z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*\.[a-z][a-z0-9]*(-[a-z0-9]+)*(\.end)?$/, {
    error: 'expected a milestone id like "socta.publication" (add ".end" for the last day of a window)',
  })
);
/** One or more milestone ids. */
const milestoneRefsSchema = z.array(milestoneRefSchema).check(z.minLength(1));

export const SEVERITIES = ['error', 'warning', 'off'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const CHECK_KINDS = ['same-period', 'gap', 'before', 'nest', 'cadence'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** The parameters of each kind (shared by a rule's own check and the checks of `kind: all`). */
const samePeriodShape = {
  kind: z.literal('same-period'),
  cycles: described('The two cycles whose periods must be equal.', z.tuple([slugSchema, slugSchema])),
};
const gapShape = {
  kind: z.literal('gap'),
  from: described(
    "`to − from` must lie within [min, max] (signed ISO durations, added to `from`'s date).",
    milestoneRefSchema
  ),
  to: milestoneRefSchema,
  min: z.optional(isoDurationSchema),
  max: z.optional(isoDurationSchema),
};
const beforeShape = {
  kind: z.literal('before'),
  latest: described('The latest of these, plus `lead`, must be on or before `target`.', milestoneRefsSchema),
  lead: z.optional(isoDurationSchema),
  target: milestoneRefSchema,
};
const nestShape = {
  kind: z.literal('nest'),
  inner: described('Every occurrence of `inner` lies inside some occurrence of `outer`.', milestoneRefSchema),
  outer: milestoneRefSchema,
};
const cadenceShape = {
  kind: z.literal('cadence'),
  of: milestoneRefSchema,
  every: described(
    "At least one occurrence in each consecutive period of this length, counted from the instance's origin.",
    z.optional(isoDurationSchema)
  ),
  after: described(
    'At least one occurrence in the instance on or after the latest of these milestones.',
    z.optional(milestoneRefsSchema)
  ),
};

type Refinable = {
  kind: string;
  min?: string | undefined;
  max?: string | undefined;
  every?: string | undefined;
  after?: string[] | undefined;
  lead?: string | undefined;
};

/** The cross-field conditions of a check, stated once for a rule's own check and for checks inside `all`. */
function refineCheck(c: Refinable, ctx: z.core.$RefinementCtx): void {
  if (c.kind === 'gap' && c.min === undefined && c.max === undefined)
    ctx.addIssue({ code: 'custom', path: ['max'], message: 'a `gap` needs `min`, `max` or both' });
  if (c.kind === 'cadence' && c.every === undefined && c.after === undefined)
    ctx.addIssue({ code: 'custom', path: ['every'], message: 'a `cadence` needs `every`, `after` or both' });
  // A zero `every` (P0D, P0Y) would ask for an occurrence in each of endless empty periods.
  if (c.kind === 'cadence' && c.every !== undefined && (c.every.startsWith('-') || !/[1-9]/.test(c.every)))
    ctx.addIssue({ code: 'custom', path: ['every'], message: '`every` must be a positive duration' });
  if (c.kind === 'before' && c.lead?.startsWith('-'))
    ctx.addIssue({ code: 'custom', path: ['lead'], message: '`lead` must not be negative' });
}

export const checkSchema = z
  .discriminatedUnion('kind', [
    z.strictObject(samePeriodShape),
    z.strictObject(gapShape),
    z.strictObject(beforeShape),
    z.strictObject(nestShape),
    z.strictObject(cadenceShape),
  ])
  .check(z.superRefine(refineCheck));
export type CheckFile = z.infer<typeof checkSchema>;

/** Every kind's parameters, in `CHECK_KINDS` order. */
export const CHECK_SHAPES = [samePeriodShape, gapShape, beforeShape, nestShape, cadenceShape] as const;

export const ruleMeta = {
  clauses: described(
    'The clause(s) of the EU–CLASI declaration the rule enforces.',
    z.array(z.int().check(z.gte(1), z.lte(99))).check(z.minLength(1))
  ),
  severity: severitySchema,
  description: described(
    'A short description, in the three languages, shown to users: what the rule checks.',
    localizedSchema
  ),
  interpretation: described(
    "How the rule reads its clause, in the three languages: the tolerances and anchors it assumes, which are this rule's, not the clause's words.",
    z.optional(localizedSchema)
  ),
};

export const ruleSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...ruleMeta, ...samePeriodShape }),
    z.strictObject({ ...ruleMeta, ...gapShape }),
    z.strictObject({ ...ruleMeta, ...beforeShape }),
    z.strictObject({ ...ruleMeta, ...nestShape }),
    z.strictObject({ ...ruleMeta, ...cadenceShape }),
    z.strictObject({ ...ruleMeta, kind: z.literal('all'), checks: z.array(checkSchema).check(z.minLength(1)) }),
  ])
  .check(z.superRefine(refineCheck));

export const alignmentSchema = z.strictObject({
  $schema: z.optional(plainTextSchema),
  extends: described(
    "`builtin:alignment`, or a path relative to this file: rules merge by id over the parent's.",
    z.optional(plainTextSchema)
  ),
  movable: described(
    "The cycle whose whole-cycle shift fix suggestions propose (default `ideal`: SOCTA is clause 20's reference).",
    z.optional(slugSchema)
  ),
  rules: z.record(slugSchema, ruleSchema),
});
export type AlignmentFile = z.infer<typeof alignmentSchema>;
export type AlignmentSchema = typeof alignmentSchema;

/** Every key the rules format knows, for "did you mean" hints on unknown keys. */
export const knownAlignmentKeys: readonly string[] = [
  ...new Set([
    ...Object.keys(alignmentSchema.shape),
    ...Object.keys(ruleMeta),
    'kind',
    'checks',
    ...CHECK_SHAPES.flatMap(s => Object.keys(s)),
  ]),
];
