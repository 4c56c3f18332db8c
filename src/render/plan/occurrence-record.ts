// The flat record of one occurrence that JSON and CSV output share (and that scripts consume).
import type { Occurrence } from '../../core/model/types.js';
import type { Lang } from '../../schema/primitives.js';

export interface OccurrenceRecord {
  id: string;
  cycle: string;
  region: string;
  instance: string;
  year: number | null;
  kind: 'point' | 'window';
  start: string;
  end: string;
  precision: 'day' | 'month';
  time: string | null;
  zone: string;
  status: string;
  basis: string;
  confidence: string | null;
  title: string;
  source: string;
}

export const toRecord = (o: Occurrence, lang: Lang): OccurrenceRecord => ({
  id: o.id,
  cycle: o.cycle,
  region: o.region,
  instance: o.instance,
  year: o.year ?? null,
  kind: o.kind,
  start: o.start.toString(),
  end: o.end.toString(),
  precision: o.precision,
  time: o.time ?? null,
  zone: o.zone,
  status: o.status,
  basis: o.basis,
  confidence: o.confidence ?? null,
  title: o.title[lang],
  source: o.source,
});

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
  'confidence',
  'title',
  'source',
];
