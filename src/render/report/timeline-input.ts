// Occurrences + check → what the timeline picture draws: lanes by region, one track per milestone key, every
// event with its error band, and a connector for every broken rule between the two milestones whose gap it
// measures. A past slot without record is not an event: it gets no mark (the report lists it as a date to
// confirm).
import { Temporal } from 'temporal-polyfill';
import { daysBetween } from '../../core/dates/days.js';
import type { Horizon, Occurrence } from '../../core/model/types.js';
import { formatDate } from '../../i18n/format-date.js';
import type { Lang } from '../../schema/primitives.js';
import { bandOf } from '../../core/model/uncertainty.js';
import { formatSpan } from '../plan/table.js';
import { bandText } from '../uncertainty.js';
import type { TimelineBand, TimelineConnector, TimelineInput, TimelineLane, TimelineMark } from '../timeline/types.js';
import type { ReportCheck, ReportEvaluation } from './check-view.js';
import { compareRegions, formatAllowed, formatDays, howKnown, laneLabel, trackLabel } from './text.js';
import type { Translate } from './text.js';

/** Days from the instance's origin (1 January of Y) to the occurrence: where it sits in its cycle. */
export const offsetInInstance = (o: Pick<Occurrence, 'instanceYear' | 'start'>): number =>
  daysBetween(new Temporal.PlainDate(o.instanceYear, 1, 1), o.start);

/** A projection's error band as a span of days around its start, with its accessible label. */
function whiskerOf(o: Occurrence, lang: Lang, t: Translate): TimelineMark['band'] {
  const band = o.status === 'projected' ? bandOf(o.uncertainty) : undefined;
  const text = bandText(o, lang);
  if (!band || !text || band.early + band.late === 0) return undefined;
  const from = o.start.subtract({ days: band.early });
  const to = o.start.add({ days: band.late });
  return {
    from,
    to,
    label: t('timeline.bandLabel', {
      title: o.title[lang],
      instance: o.instance,
      from: formatDate(from, lang, 'medium'),
      to: formatDate(to, lang, 'medium'),
      band: text,
    }),
  };
}

function buildLanes(occurrences: readonly Occurrence[], lang: Lang, t: Translate): TimelineLane[] {
  const events = occurrences.filter(o => o.status !== 'unrecorded');
  const regions = [...new Set(events.map(o => o.region))].sort(compareRegions);
  return regions.map(region => {
    const tracks = new Map<string, TimelineLane['tracks'][number] & { offset: number }>();
    for (const o of events) {
      if (o.region !== region) continue;
      const key = `${o.cycle}.${o.key}`;
      let track = tracks.get(key);
      if (!track) {
        track = { key, label: trackLabel(o, lang, t), marks: [], offset: Number.POSITIVE_INFINITY };
        tracks.set(key, track);
      }
      track.offset = Math.min(track.offset, offsetInInstance(o));
      track.marks.push({
        id: o.id,
        instance: o.instance,
        year: o.year,
        kind: o.kind,
        start: o.start,
        end: o.end,
        status: o.status,
        band: whiskerOf(o, lang, t),
        label: t('timeline.markLabel', {
          title: o.title[lang],
          instance: o.instance,
          dates: formatSpan(o, lang),
          status: howKnown(o, lang),
        }),
      });
    }
    // Tracks in the order a cycle unfolds (methodology … evaluation report), whatever the horizon cuts off.
    const ordered = [...tracks.values()].sort((a, b) => a.offset - b.offset || (a.key < b.key ? -1 : 1));
    return {
      id: region,
      label: laneLabel(region, t),
      tracks: ordered.map(({ key, label, marks }) => ({ key, label, marks })),
    };
  });
}

/** Instance bands of the reference lane (the first one), from labels like `2026-2029`. */
function buildBands(lanes: readonly TimelineLane[]): TimelineBand[] {
  const labels = new Set<string>();
  for (const track of lanes[0]?.tracks ?? []) for (const m of track.marks) labels.add(m.instance);
  return [...labels]
    .map(label => /^(\d{4})-(\d{4})$/.exec(label))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(m => ({
      label: `${m[1]}–${m[2]}`,
      from: new Temporal.PlainDate(Number(m[1]), 1, 1),
      to: new Temporal.PlainDate(Number(m[2]), 12, 31),
    }))
    .sort((a, b) => Temporal.PlainDate.compare(a.from, b.from));
}

/** The two milestones a violation is drawn between: the latest of the reference ones, and the compared one. */
function connectorEnds(
  e: ReportEvaluation
): [ReportEvaluation['milestones'][number], ReportEvaluation['milestones'][number]] | undefined {
  // A finding about one milestone (a meeting missing after it) is drawn as a ring on that milestone.
  if (e.milestones.length === 1) return [e.milestones[0]!, e.milestones[0]!];
  if (e.milestones.length < 2) return undefined;
  const to = e.milestones[e.milestones.length - 1]!;
  const refs = e.milestones.slice(0, -1);
  const from = refs.reduce((a, b) => (Temporal.PlainDate.compare(b.start, a.start) > 0 ? b : a));
  return [from, to];
}

/** Rules that break: violated, or overdue with no record (at risk holds on the dates; no record says nothing). */
const broken = (e: ReportEvaluation): boolean =>
  e.severity !== 'off' && (e.state === 'violated' || e.state === 'overdue');

function buildConnectors(check: ReportCheck, t: Translate): TimelineConnector[] {
  const out: TimelineConnector[] = [];
  for (const e of check.evaluations) {
    if (!broken(e)) continue;
    const ends = connectorEnds(e);
    if (!ends) continue;
    const [from, to] = ends;
    out.push({
      rule: e.rule,
      instance: e.instance,
      from: { id: from.id, instance: from.instance, start: from.start },
      to: { id: to.id, instance: to.instance, start: to.start },
      label:
        e.state === 'overdue'
          ? t('timeline.overdueLabel', { rule: e.rule })
          : e.measuredDays === undefined
            ? e.rule
            : t('timeline.gapLabel', {
                measured: formatDays(e.measuredDays, t),
                allowed: formatAllowed(e.allowed.min, e.allowed.max, t),
              }),
      title: t('timeline.connectorTitle', { rule: e.rule, instance: e.instance, message: e.message }),
    });
  }
  return out;
}

export function buildTimelineInput(
  occurrences: readonly Occurrence[],
  check: ReportCheck,
  horizon: Horizon,
  today: Temporal.PlainDate,
  lang: Lang,
  t: Translate
): TimelineInput {
  const lanes = buildLanes(occurrences, lang, t);
  const todayText = formatDate(today, lang, 'medium');
  return {
    lang,
    from: horizon.from,
    to: horizon.to,
    today,
    lanes,
    connectors: buildConnectors(check, t),
    bands: buildBands(lanes),
    text: {
      title: t('timeline.title', { from: formatDate(horizon.from, lang), to: formatDate(horizon.to, lang) }),
      desc: t('timeline.desc', { lanes: lanes.map(l => l.label).join('; '), today: formatDate(today, lang) }),
      today: t('timeline.today', { date: todayText }),
      legendActual: t('timeline.legend.actual'),
      legendPlanned: t('timeline.legend.planned'),
      legendProjected: t('timeline.legend.projected'),
      legendWindowActual: t('timeline.legend.windowActual'),
      legendWindowProjected: t('timeline.legend.windowProjected'),
      legendViolation: t('timeline.legend.violation'),
      legendBand: t('timeline.legend.band'),
    },
  };
}
