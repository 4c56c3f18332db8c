// The report's two tables of dates: the key milestones side by side (how each date is known, its record's
// confidence, edition, note and source) and the dates to confirm (past slots a rule expected that no record
// gives). Both cite their sources as numbered footnotes. PURE.
import type { Horizon, Occurrence } from '../../core/model/types.js';
import { formatDate, formatDateWithPrecision } from '../../i18n/format-date.js';
import type { Lang } from '../../schema/primitives.js';
import { formatSpan } from '../plan/table.js';
import type { ReportCheck, ReportMilestoneRef } from './check-view.js';
import { howKnown, trackLabel } from './text.js';
import type { Translate } from './text.js';
import { offsetInInstance } from './timeline-input.js';

export interface CellView {
  /** Empty for a slot without record (it has no date, only the day its rule expected). */
  dates: string;
  status: Occurrence['status'];
  /** `● actual · confidence H · edition 2.0`, `○ projected · pattern rule · −12 d/+27 d`, `— no record (…)` */
  facts: string;
  note: string | undefined;
  /** 1-based footnote number into the sources; undefined when the date cites none. */
  source: number | undefined;
}

export interface KeyRowView {
  label: string;
  cells: Record<'eu' | 'latam' | 'joint', CellView[]>;
}

export interface KeyInstanceView {
  heading: string;
  rows: KeyRowView[];
}

export interface ConfirmRowView {
  /** `IDEAL launched: ideal.publication 2026-2029 (about 18 Jun 2025)` */
  slot: string;
  /** The basis of the rule that expected it (`assumed rule`). */
  rule: string;
  source: number | undefined;
  /** The rules whose verdict needed it, with the instance: `ideal-follows-socta (2026-2029)`; empty when none. */
  neededBy: string;
}

/** Sources numbered in the order the reader meets them; one number per distinct citation. */
export interface Footnotes {
  cite(text: string): number | undefined;
  readonly list: readonly string[];
}

export function footnotes(): Footnotes {
  const list: string[] = [];
  return {
    list,
    cite(text) {
      if (!text) return undefined;
      const i = list.indexOf(text);
      if (i >= 0) return i + 1;
      list.push(text);
      return list.length;
    },
  };
}

const citation = (o: Pick<Occurrence, 'source' | 'url'>): string => [o.source, o.url].filter(Boolean).join(' ');

const slotKey = (m: Pick<ReportMilestoneRef, 'id' | 'instance' | 'year'>): string =>
  `${m.id}@${m.instance}#${m.year ?? ''}`;

/** The day a rule expected, as precisely as the rule places it: `18 Jun 2025`, `2025`. */
const expectedDay = (m: Pick<Occurrence, 'start' | 'precision'>, lang: Lang): string =>
  m.precision === 'day' ? formatDate(m.start, lang, 'medium') : formatDateWithPrecision(m.start, lang, m.precision);

/**
 * Every slot without record in the horizon, with the rule that expected it and the verdicts that needed it;
 * a slot a verdict needed outside the horizon is listed too, by its id.
 */
export function buildDatesToConfirm(
  occurrences: readonly Occurrence[],
  check: ReportCheck,
  lang: Lang,
  t: Translate,
  notes: Footnotes
): ConfirmRowView[] {
  const neededBy = new Map<string, string[]>();
  const needed = new Map<string, ReportMilestoneRef>();
  for (const e of check.evaluations)
    for (const m of e.toConfirm) {
      const key = slotKey(m);
      needed.set(key, m);
      const by = neededBy.get(key) ?? [];
      const name = `${e.rule} (${e.instance})`;
      if (!by.includes(name)) by.push(name);
      neededBy.set(key, by);
    }
  const unrecorded = occurrences.filter(o => o.status === 'unrecorded');
  const inHorizon = new Set(unrecorded.map(slotKey));
  const row = (
    m: Pick<Occurrence, 'id' | 'instance' | 'year' | 'start' | 'precision' | 'basis'>,
    title: string,
    source: string
  ): ConfirmRowView => ({
    slot: t('confirm.slot', { title, id: m.id, slot: m.year ?? m.instance, date: expectedDay(m, lang) }),
    rule: m.basis ? t.basis(m.basis) : '',
    source: notes.cite(source),
    neededBy: (neededBy.get(slotKey(m)) ?? []).join(', '),
  });
  return [
    ...unrecorded.map(o => row(o, o.title[lang], citation(o))),
    ...[...needed.entries()].filter(([key]) => !inHorizon.has(key)).map(([, m]) => row(m, m.id, '')),
  ];
}

/** Sibling milestones of the two regions share a row: the EU's `masp` is the counterpart of `strategic-plan`. */
const ROW_ALIAS: Record<string, string> = { masp: 'strategic-plan' };
const KEY_COLUMNS = ['eu', 'latam', 'joint'] as const;
type KeyColumn = (typeof KEY_COLUMNS)[number];

/** Does the instance `2026-2029` overlap the horizon? Instances only glimpsed (a neighbour's early steps) are left to the timeline. */
function instanceInHorizon(instance: string, horizon: Horizon): boolean {
  const m = /^(\d{4})-(\d{4})$/.exec(instance);
  if (!m) return true;
  return Number(m[2]) >= horizon.from.year && Number(m[1]) <= horizon.to.year;
}

function cellOf(o: Occurrence, lang: Lang, t: Translate): Omit<CellView, 'source'> {
  const facts = [
    howKnown(o, lang),
    ...(o.confidence ? [t('confidence', { c: o.confidence })] : []),
    ...(o.edition ? [t('key.edition', { edition: o.edition })] : []),
  ].join(' · ');
  return {
    dates: o.status === 'unrecorded' ? '' : formatSpan(o, lang, 'long'),
    status: o.status,
    facts,
    note: o.status === 'unrecorded' || !o.note ? undefined : t('key.note', { note: o.note }),
  };
}

/** Key milestones: one per instance (yearly ones such as each year's OAP are in the timeline, not here). */
export function buildKeyMilestones(
  occurrences: readonly Occurrence[],
  horizon: Horizon,
  lang: Lang,
  t: Translate,
  notes: Footnotes
): KeyInstanceView[] {
  type Draft = { cell: Omit<CellView, 'source'>; citation: string };
  const byInstance = new Map<string, Map<string, { label: string; cells: Record<KeyColumn, Draft[]> }>>();
  // Every instance lists its rows in the same order: the order a cycle unfolds (earliest offset from its origin).
  const rowOffset = new Map<string, number>();
  for (const o of occurrences) {
    if (o.year !== undefined || !instanceInHorizon(o.instance, horizon)) continue;
    const column = KEY_COLUMNS.find(c => c === o.region);
    if (!column) continue;
    let rows = byInstance.get(o.instance);
    if (!rows) byInstance.set(o.instance, (rows = new Map()));
    const rowKey = ROW_ALIAS[o.key] ?? o.key;
    rowOffset.set(rowKey, Math.min(rowOffset.get(rowKey) ?? Number.POSITIVE_INFINITY, offsetInInstance(o)));
    let row = rows.get(rowKey);
    if (!row) {
      row = { label: trackLabel({ key: rowKey, title: o.title }, lang, t), cells: { eu: [], latam: [], joint: [] } };
      rows.set(rowKey, row);
    }
    row.cells[column].push({ cell: cellOf(o, lang, t), citation: citation(o) });
  }
  // Footnotes are numbered in reading order: instance, row, then EU, Latin America, joint.
  return [...byInstance.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([instance, rows]) => ({
      heading: t('key.instance', { instance }),
      rows: [...rows.entries()]
        .sort(([a], [b]) => rowOffset.get(a)! - rowOffset.get(b)! || (a < b ? -1 : 1))
        .map(([, r]) => {
          const cells = { eu: [], latam: [], joint: [] } as Record<KeyColumn, CellView[]>;
          for (const c of KEY_COLUMNS) cells[c] = r.cells[c].map(d => ({ ...d.cell, source: notes.cite(d.citation) }));
          return { label: r.label, cells };
        }),
    }));
}
