// `plan --format json` and the programmatic API's `plan()`: one builder of the data, so the two cannot differ.
import type { Horizon, Occurrence } from '../../core/model/types.js';
import type { Lang } from '../../schema/primitives.js';
import { toRecord } from './occurrence-record.js';
import type { OccurrenceRecord } from './occurrence-record.js';

export type { OccurrenceRecord };

/** `{"horizon":{"from","to"},"milestones":[…]}`, milestones sorted by start then id. */
export interface PlanData {
  /** The days the plan covers, `YYYY-MM-DD`. */
  horizon: { from: string; to: string };
  milestones: OccurrenceRecord[];
}

export const planData = (horizon: Horizon, occurrences: readonly Occurrence[], lang: Lang): PlanData => ({
  horizon: { from: horizon.from.toString(), to: horizon.to.toString() },
  milestones: occurrences.map(o => toRecord(o, lang)),
});

export const renderPlanJson = (horizon: Horizon, occurrences: readonly Occurrence[], lang: Lang): string =>
  `${JSON.stringify(planData(horizon, occurrences, lang), null, 2)}\n`;
