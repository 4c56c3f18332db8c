import { stringify } from 'csv-stringify/sync';
import type { Occurrence } from '../../core/model/types.js';
import type { Lang } from '../../schema/primitives.js';
import { RECORD_COLUMNS, toRecord } from './occurrence-record.js';

/** RFC 4180 CSV with a header row; the same columns as the JSON records. */
export const renderPlanCsv = (occurrences: readonly Occurrence[], lang: Lang): string =>
  stringify(
    occurrences.map(o => toRecord(o, lang)),
    { header: true, columns: [...RECORD_COLUMNS], record_delimiter: 'windows', cast: { number: n => String(n) } }
  );
