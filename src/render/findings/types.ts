// What every findings renderer receives: the engine's result plus what the run was asked (rules, gate, what-ifs).
import type { Temporal } from 'temporal-polyfill';
import type { AlignmentResult, AlignmentRule, Gate } from '../../core/alignment/types.js';
import type { SourceLocation } from '../../core/model/types.js';
import type { Lang, Localized } from '../../schema/primitives.js';

/** Milestone titles by id (`ideal.publication`), for messages that name a milestone to a reader. */
export type Titles = ReadonlyMap<string, Localized>;

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
  /**
   * Files the planner's repository does not hold (the built-ins in node_modules), each with the `extends:` line
   * of the planner's file that inherits from it, or undefined when none does. The github and sarif formats
   * annotate there instead, since a code host can show only its repository's files. Absent: annotate as is.
   */
  inherited?: ReadonlyMap<string, SourceLocation | undefined>;
  /** Milestone titles by id: messages then name a milestone by title and id. Absent: by id alone. */
  titles?: Titles;
}

export interface RenderOptions {
  lang: Lang;
  color: boolean;
}

export const FINDINGS_FORMATS = ['text', 'json', 'markdown', 'junit', 'github', 'sarif'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];
