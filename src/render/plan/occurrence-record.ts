// The flat record of one occurrence that JSON and CSV output share (and that scripts consume).
import type { Occurrence, Status } from '../../core/model/types.js';
import { bandOf } from '../../core/model/uncertainty.js';
import type { Lang } from '../../schema/primitives.js';

export interface OccurrenceRecord {
  id: string;
  cycle: string;
  region: string;
  instance: string;
  year: number | null;
  kind: 'point' | 'window';
  /** For an unrecorded slot: the day the rule expected. */
  start: string;
  /** Null when a source gives the start of a window but not its end. */
  end: string | null;
  precision: 'day' | 'month' | 'year';
  time: string | null;
  zone: string;
  status: Status;
  /** The basis of the rule that placed the date; null for a recorded date (it has a source instead). */
  basis: string | null;
  /** A projection's back-tested band in days; null when not projected or untested. */
  band: { early: number; late: number } | null;
  /** What a projection's error rests on that could not be tested (rules, and dates without record). */
  untested: string[];
  confidence: string | null;
  title: string;
  edition: string | null;
  announced: boolean;
  source: string | null;
  url: string | null;
  note: string | null;
}

export function toRecord(o: Occurrence, lang: Lang): OccurrenceRecord {
  const ruled = o.basis !== undefined && o.status !== 'actual' && o.status !== 'planned';
  return {
    id: o.id,
    cycle: o.cycle,
    region: o.region,
    instance: o.instance,
    year: o.year ?? null,
    kind: o.kind,
    start: o.start.toString(),
    end: o.endKnown ? o.end.toString() : null,
    precision: o.precision,
    time: o.time ?? null,
    zone: o.zone,
    status: o.status,
    basis: ruled ? (o.basis ?? null) : null,
    band: bandOf(o.uncertainty) ?? null,
    untested: o.uncertainty ? [...o.uncertainty.untested, ...o.uncertainty.unrecorded] : [],
    confidence: o.confidence ?? null,
    title: o.title[lang],
    edition: o.edition ?? null,
    announced: o.announced,
    source: o.source ?? null,
    url: o.url ?? null,
    note: o.note ?? null,
  };
}

export const RECORD_COLUMNS: readonly (keyof OccurrenceRecord)[] = [
  'id',
  'cycle',
  'region',
  'instance',
  'year',
  'kind',
  'start',
  'end',
  'precision',
  'time',
  'zone',
  'status',
  'basis',
  'band',
  'untested',
  'confidence',
  'title',
  'edition',
  'announced',
  'source',
  'url',
  'note',
];
