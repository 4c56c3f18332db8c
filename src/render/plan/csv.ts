import { stringify } from 'csv-stringify/sync';
import type { Occurrence } from '../../core/model/types.js';
import type { Lang } from '../../schema/primitives.js';
import { RECORD_COLUMNS, toRecord } from './occurrence-record.js';

/** A band as `early/late` days, the untested list joined with `; ` (a CSV cell holds one value). */
const flat = (r: ReturnType<typeof toRecord>): Record<string, unknown> => ({
  ...r,
  band: r.band ? `${r.band.early}/${r.band.late}` : null,
  untested: r.untested.join('; '),
});

/** RFC 4180 CSV with a header row; the same columns as the JSON records. */
export const renderPlanCsv = (occurrences: readonly Occurrence[], lang: Lang): string =>
  stringify(
    occurrences.map(o => flat(toRecord(o, lang))),
    {
      header: true,
      columns: [...RECORD_COLUMNS],
      record_delimiter: 'windows',
      cast: { number: n => String(n), boolean: b => String(b) },
    }
  );
