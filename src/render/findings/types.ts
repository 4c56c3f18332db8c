// What every findings renderer receives: the engine's result plus what the run was asked (rules, gate, what-ifs).
import type { Temporal } from 'temporal-polyfill';
import type { AlignmentResult, AlignmentRule, Gate } from '../../core/alignment/types.js';
import type { Lang } from '../../schema/primitives.js';

export interface FindingsInput {
  result: AlignmentResult;
  rules: readonly AlignmentRule[];
  today: Temporal.PlainDate;
  gate: Gate;
  /** The what-ifs applied, as typed (`--shift ideal=+P3W`). */
  whatIfs: readonly string[];
  /** The rules file used, as shown to users. */
  rulesFile: string;
  toolVersion: string;
}

export interface RenderOptions {
  lang: Lang;
  color: boolean;
}

export const FINDINGS_FORMATS = ['text', 'json', 'markdown', 'junit', 'github', 'sarif'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];
