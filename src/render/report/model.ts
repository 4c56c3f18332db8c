// The report's view-model: every string localized and every date formatted, so that the HTML and Markdown
// layouts only arrange it. PURE: today and the language are passed in.
import type { Temporal } from 'temporal-polyfill';
import type { Horizon, Occurrence } from '../../core/model/types.js';
import { formatDate } from '../../i18n/format-date.js';
import type { Lang } from '../../schema/primitives.js';
import { formatSpan } from '../plan/table.js';
import type { TimelineInput } from '../timeline/types.js';
import type { ChangeSet } from './changes.js';
import type { SnapshotMilestone } from './previous.js';
import type { ReportCheck } from './check-view.js';
import { buildDatesToConfirm, buildKeyMilestones, footnotes } from './milestones-view.js';
import type { ConfirmRowView, KeyInstanceView } from './milestones-view.js';
import { buildRules, buildSuggestions, buildVerdict } from './rules-view.js';
import type { RuleView, SuggestionView, VerdictView } from './rules-view.js';
import { compareRegions, howKnown, laneLabel, reportTranslator } from './text.js';
import type { Translate } from './text.js';
import { buildTimelineInput } from './timeline-input.js';

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
  suggestions: SuggestionView[];
  drift: string[];
  /** Past slots a rule expected that no record gives. */
  datesToConfirm: ConfirmRowView[];
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
  /** Every occurrence in the horizon, sorted (as the expansion's `overlapping` gives them). */
  occurrences: readonly Occurrence[];
  check: ReportCheck;
  /** With the name of the previous file as the reader should see it. */
  changes: { file: string; set: ChangeSet } | undefined;
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
  const span = (m: Pick<SnapshotMilestone, 'start' | 'end' | 'precision' | 'endKnown'>): string =>
    formatSpan({ ...m, time: undefined }, lang, 'long');
  const titleOf = (id: string, fallback: string | undefined): string =>
    current.find(o => o.id === id)?.title[lang] ?? fallback ?? id;
  // A date published before (an earlier version showed past slots as projections) that is now a slot without
  // record: say so, rather than a bare "—".
  const nowOf = (b: SnapshotMilestone): string => {
    const slot = current.find(
      o => o.status === 'unrecorded' && o.id === b.id && o.instance === b.instance && (o.year ?? null) === b.year
    );
    return slot ? howKnown(slot, lang) : '—';
  };
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
      now: nowOf(b),
    })),
  };
}

/** The picture's text alternative: every event it draws (slots without record are not events). */
function buildTimelineTable(occurrences: readonly Occurrence[], lang: Lang, t: Translate): AltRowView[] {
  return occurrences
    .filter(o => o.status !== 'unrecorded')
    .sort((a, b) => compareRegions(a.region, b.region))
    .map(o => ({
      lane: laneLabel(o.region, t),
      milestone: o.title[lang],
      instance: o.instance,
      dates: formatSpan(o, lang, 'long'),
      status: howKnown(o, lang),
    }));
}

export function buildReportView(input: ReportInput): ReportView {
  const { lang, today, horizon, occurrences, check } = input;
  const t = reportTranslator(lang);
  // Sources are numbered in reading order: the dates to confirm come before the key milestones.
  const notes = footnotes();
  const datesToConfirm = buildDatesToConfirm(occurrences, check, lang, t, notes);
  const keyMilestones = buildKeyMilestones(occurrences, horizon, lang, t, notes);
  return {
    lang,
    t,
    title: t('title'),
    subtitle: t('subtitle', { today: formatDate(today, lang) }),
    horizon: t('horizon', { from: formatDate(horizon.from, lang), to: formatDate(horizon.to, lang) }),
    verdict: buildVerdict(check, t),
    rules: buildRules(check, t, lang),
    suggestions: buildSuggestions(check),
    drift: [...check.drift],
    datesToConfirm,
    keyMilestones,
    sources: [...notes.list],
    changes: buildChanges(input.changes, occurrences, lang, t),
    timeline: buildTimelineInput(occurrences, check, horizon, today, lang, t),
    timelineTable: buildTimelineTable(occurrences, lang, t),
    footer: t('footer', { today: formatDate(today, lang) }),
  };
}
