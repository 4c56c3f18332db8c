// The report's view-model: every string localized and every date formatted, so that the HTML and Markdown
// layouts only arrange it. PURE: today and the language are passed in.
import type { Temporal } from 'temporal-polyfill';
import type { Horizon, Occurrence } from '../../core/model/types.js';
import { formatDate } from '../../i18n/format-date.js';
import { reportMessages } from '../../i18n/messages/report.js';
import type { ReportKey } from '../../i18n/messages/report.js';
import type { Lang } from '../../schema/primitives.js';
import { formatSpan } from '../plan/table.js';
import { bandText } from '../uncertainty.js';
import type { TimelineInput } from '../timeline/types.js';
import type { ChangeSet } from './changes.js';
import type { SnapshotMilestone } from './previous.js';
import type { ReportCheck, ReportEvaluation } from './check-view.js';
import {
  compareRegions,
  formatAllowed,
  formatCounts,
  formatDays,
  laneLabel,
  reportTranslator,
  trackLabel,
} from './text.js';
import { STATUS_MARK } from '../style.js';
import type { Translate } from './text.js';
import { buildTimelineInput, offsetInInstance } from './timeline-input.js';

export type VerdictState = 'aligned' | 'warnings' | 'misaligned';
export type RowState = 'holds' | 'violated' | 'notMet' | 'off';

export interface VerdictView {
  plan: VerdictState;
  history: VerdictState;
  lines: string[];
  note: string;
}

export interface RuleRowView {
  instance: string;
  period: string;
  state: RowState;
  stateText: string;
  measured: string;
  allowed: string;
  slack: string;
  detail: string;
}

export interface RuleView {
  id: string;
  description: string;
  severity: string;
  clauses: { label: string; quote: string }[];
  rows: RuleRowView[];
}

export interface CellView {
  dates: string;
  status: Occurrence['status'];
  /** `● actual · H`, `○ projected · pattern rule · ± 27 d` */
  facts: string;
  /** 1-based footnote number into `sources`. */
  source: number;
}

export interface KeyRowView {
  label: string;
  cells: Record<'eu' | 'latam' | 'joint', CellView[]>;
}

export interface KeyInstanceView {
  heading: string;
  rows: KeyRowView[];
}

export interface ChangeRowView {
  milestone: string;
  instance: string;
  before: string;
  now: string;
}

export interface ChangesView {
  against: string;
  summary: string;
  moved: ChangeRowView[];
  added: ChangeRowView[];
  cancelled: ChangeRowView[];
}

export interface AltRowView {
  lane: string;
  milestone: string;
  instance: string;
  dates: string;
  status: string;
}

export interface ReportView {
  lang: Lang;
  t: Translate;
  title: string;
  subtitle: string;
  horizon: string;
  verdict: VerdictView;
  rules: RuleView[];
  suggestions: string[];
  drift: string[];
  keyMilestones: KeyInstanceView[];
  sources: string[];
  changes: ChangesView | undefined;
  timeline: TimelineInput;
  timelineTable: AltRowView[];
  footer: string;
}

export interface ReportInput {
  lang: Lang;
  today: Temporal.PlainDate;
  horizon: Horizon;
  /** Every occurrence in the horizon, sorted (as `expandCycle` + `sortOccurrences` give them). */
  occurrences: readonly Occurrence[];
  check: ReportCheck;
  /** With the name of the previous file as the reader should see it. */
  changes: { file: string; set: ChangeSet } | undefined;
}

function verdictOf(evals: readonly ReportEvaluation[]): { state: VerdictState; errors: number; warnings: number } {
  const failing = evals.filter(e => !e.holds && e.severity !== 'off');
  const errors = failing.filter(e => e.severity === 'error').length;
  const warnings = failing.filter(e => e.severity === 'warning').length;
  return { state: errors > 0 ? 'misaligned' : warnings > 0 ? 'warnings' : 'aligned', errors, warnings };
}

function buildVerdict(check: ReportCheck, t: Translate): VerdictView {
  const plan = verdictOf(check.evaluations.filter(e => e.status === 'plan'));
  const history = verdictOf(check.evaluations.filter(e => e.status === 'history'));
  const line = (which: 'plan' | 'history', v: ReturnType<typeof verdictOf>): string =>
    t(`verdict.${which}.${v.state}`, { counts: formatCounts(v.errors, v.warnings, t) });
  return {
    plan: plan.state,
    history: history.state,
    lines: [line('plan', plan), line('history', history)],
    note: t('verdict.historyNote'),
  };
}

function rowState(e: ReportEvaluation): RowState {
  if (e.severity === 'off') return 'off';
  if (e.holds) return 'holds';
  return e.severity === 'error' ? 'violated' : 'notMet';
}

/** The clause's short quotation, or none for a clause the catalog does not quote. */
function clauseQuote(n: number, t: Translate, lang: Lang): { label: string; quote: string } | undefined {
  const key = `clause.${n}` as ReportKey;
  return key in reportMessages[lang] ? { label: t('rules.clause', { n }), quote: t(key) } : undefined;
}

function buildRules(check: ReportCheck, t: Translate, lang: Lang): RuleView[] {
  return check.rules.map(rule => ({
    id: rule.id,
    description: rule.description,
    severity: t('rules.severity', { severity: t(`severity.${rule.severity}`) }),
    clauses: rule.clauses.map(n => clauseQuote(n, t, lang) ?? { label: t('rules.clause', { n }), quote: '' }),
    rows: check.evaluations
      .filter(e => e.rule === rule.id)
      .map(e => {
        const state = rowState(e);
        return {
          instance: e.instance,
          period: t(`period.${e.status}`),
          state,
          stateText: t(`state.${state}`),
          measured: e.measuredDays === undefined ? '—' : formatDays(e.measuredDays, t),
          allowed: formatAllowed(e.allowed.min, e.allowed.max, t),
          slack: e.slackDays === undefined ? '—' : formatDays(e.slackDays, t),
          detail: state === 'holds' ? '' : e.message,
        };
      }),
  }));
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

interface DraftCell extends Omit<CellView, 'source'> {
  sourceText: string;
}

function buildKeyMilestones(
  occurrences: readonly Occurrence[],
  horizon: Horizon,
  lang: Lang,
  t: Translate
): { instances: KeyInstanceView[]; sources: string[] } {
  const byInstance = new Map<string, Map<string, { label: string; cells: Record<KeyColumn, DraftCell[]> }>>();
  // Every instance lists its rows in the same order: the order a cycle unfolds (earliest offset from its origin).
  const rowOffset = new Map<string, number>();
  // Key milestones: one per instance (yearly ones such as each year's OAP are in the timeline, not here).
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
    const band = bandText(o, lang);
    const facts = [
      `${STATUS_MARK[o.status]} ${t.status(o.status)}`,
      ...(o.status === 'projected' && o.basis ? [t.basis(o.basis)] : []),
      ...(band ? [band] : []),
      ...(o.confidence ? [t('confidence', { c: o.confidence })] : []),
    ].join(' · ');
    row.cells[column].push({
      dates: o.status === 'unrecorded' ? '—' : formatSpan(o, lang, 'long'),
      status: o.status,
      facts,
      sourceText: [o.source, o.url].filter(Boolean).join(' '),
    });
  }
  // Footnotes are numbered in reading order: instance, row, then EU, Latin America, joint.
  const sources: string[] = [];
  const sourceNo = (s: string): number => {
    const i = sources.indexOf(s);
    if (i >= 0) return i + 1;
    sources.push(s);
    return sources.length;
  };
  const instances = [...byInstance.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([instance, rows]) => ({
      heading: t('key.instance', { instance }),
      rows: [...rows.entries()]
        .sort(([a], [b]) => rowOffset.get(a)! - rowOffset.get(b)! || (a < b ? -1 : 1))
        .map(([, r]) => {
          const cells = { eu: [], latam: [], joint: [] } as Record<KeyColumn, CellView[]>;
          for (const c of KEY_COLUMNS)
            cells[c] = r.cells[c].map(({ sourceText, ...rest }) => ({ ...rest, source: sourceNo(sourceText) }));
          return { label: r.label, cells };
        }),
    }));
  return { instances, sources };
}

function buildChanges(
  input: ReportInput['changes'],
  current: readonly Occurrence[],
  lang: Lang,
  t: Translate
): ChangesView | undefined {
  if (!input) return undefined;
  const { set, file } = input;
  // A previous date known only to the month reads as that month, as the current one does.
  const span = (m: Pick<SnapshotMilestone, 'start' | 'end' | 'precision'>): string =>
    formatSpan({ ...m, time: undefined, endKnown: true }, lang, 'long');
  const titleOf = (id: string, fallback: string | undefined): string =>
    current.find(o => o.id === id)?.title[lang] ?? fallback ?? id;
  return {
    against: t('changes.against', {
      file,
      from: formatDate(set.over.from, lang),
      to: formatDate(set.over.to, lang),
    }),
    summary:
      set.moved.length + set.added.length + set.cancelled.length === 0
        ? t('changes.none')
        : t('changes.summary', { moved: set.moved.length, added: set.added.length, cancelled: set.cancelled.length }),
    moved: set.moved.map(m => ({
      milestone: m.now.title[lang],
      instance: m.now.instance,
      before: span(m.before),
      now: `${formatSpan(m.now, lang, 'long')} (${t.status(m.now.status)})`,
    })),
    added: set.added.map(o => ({
      milestone: o.title[lang],
      instance: o.instance,
      before: '—',
      now: `${formatSpan(o, lang, 'long')} (${t.status(o.status)})`,
    })),
    cancelled: set.cancelled.map(b => ({
      milestone: titleOf(b.id, b.title),
      instance: b.instance,
      before: span(b),
      now: '—',
    })),
  };
}

function buildTimelineTable(occurrences: readonly Occurrence[], lang: Lang, t: Translate): AltRowView[] {
  return [...occurrences]
    .sort((a, b) => compareRegions(a.region, b.region))
    .map(o => ({
      lane: laneLabel(o.region, t),
      milestone: o.title[lang],
      instance: o.instance,
      dates: formatSpan(o, lang, 'long'),
      status: [
        `${STATUS_MARK[o.status]} ${t.status(o.status)}`,
        ...(o.status === 'projected' && o.basis ? [t.basis(o.basis)] : []),
      ].join(' · '),
    }));
}

export function buildReportView(input: ReportInput): ReportView {
  const { lang, today, horizon, occurrences, check } = input;
  const t = reportTranslator(lang);
  const { instances, sources } = buildKeyMilestones(occurrences, horizon, lang, t);
  return {
    lang,
    t,
    title: t('title'),
    subtitle: t('subtitle', { today: formatDate(today, lang) }),
    horizon: t('horizon', { from: formatDate(horizon.from, lang), to: formatDate(horizon.to, lang) }),
    verdict: buildVerdict(check, t),
    rules: buildRules(check, t, lang),
    suggestions: [...check.suggestions],
    drift: [...check.drift],
    keyMilestones: instances,
    sources,
    changes: buildChanges(input.changes, occurrences, lang, t),
    timeline: buildTimelineInput(occurrences, check, horizon, today, lang, t),
    timelineTable: buildTimelineTable(occurrences, lang, t),
    footer: t('footer', { today: formatDate(today, lang) }),
  };
}
