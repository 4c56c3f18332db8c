import type { Horizon, Occurrence } from '../../core/model/types.js';
import type { Lang } from '../../schema/primitives.js';
import { toRecord } from './occurrence-record.js';

/** `{"horizon":{"from","to"},"milestones":[…]}`, milestones sorted by start then id. */
export const renderPlanJson = (horizon: Horizon, occurrences: readonly Occurrence[], lang: Lang): string =>
  JSON.stringify(
    {
      horizon: { from: horizon.from.toString(), to: horizon.to.toString() },
      milestones: occurrences.map(o => toRecord(o, lang)),
    },
    null,
    2
  ) + '\n';
