// Small localized formatters shared by the report's view-model and the timeline input.
import type { Occurrence } from '../../core/model/types.js';
import { translator } from '../../i18n/define.js';
import { planMessages } from '../../i18n/messages/plan.js';
import { reportMessages } from '../../i18n/messages/report.js';
import type { ReportKey } from '../../i18n/messages/report.js';
import type { Lang } from '../../schema/primitives.js';
import { statusText } from '../plan/table.js';
import { STATUS_MARK } from '../style.js';
import { bandText } from '../uncertainty.js';

export interface Translate {
  (key: ReportKey, params?: Record<string, string | number>): string;
  /** The words `plan` already uses for a date's status and basis, so both commands say the same. */
  status(s: Occurrence['status']): string;
  basis(b: 'verified' | 'pattern' | 'assumed'): string;
}

export function reportTranslator(lang: Lang): Translate {
  const plan = translator(planMessages, lang);
  return Object.assign(translator(reportMessages, lang), {
    status: (s: Occurrence['status']) => plan(`status.${s}`),
    basis: (b: 'verified' | 'pattern' | 'assumed') => plan(`basis.${b}`),
  });
}

/**
 * How a date is known, in the words and marks `plan` uses: `● actual`, `◐ planned (announced)`,
 * `○ projected · pattern rule · −12 d/+27 d`, `○ projected · assumed rule, untested`,
 * `— no record (the rule expected about 18 Jun 2025)`.
 */
export function howKnown(o: Occurrence, lang: Lang): string {
  const band = bandText(o, lang);
  return [`${STATUS_MARK[o.status]} ${statusText(o, lang)}`, ...(band ? [band] : [])].join(' · ');
}

const MINUS = '\u2212';

/** `−370 days`, `1 day`: a true minus sign, no thousands separator, so every locale gets the same digits. */
export function formatDays(n: number, t: Translate): string {
  const abs = Math.abs(n);
  const text = abs === 1 ? t('days.one') : t('days.other', { n: abs });
  return n < 0 ? `${MINUS}${text}` : text;
}

export function formatAllowed(min: number | undefined, max: number | undefined, t: Translate): string {
  const d = (n: number): string => formatDays(n, t);
  // "0 to 184 days": the unit once, after the upper bound.
  if (min !== undefined && max !== undefined)
    return t('allowed.range', { min: min < 0 ? `${MINUS}${Math.abs(min)}` : String(min), max: d(max) });
  if (min !== undefined) return t('allowed.atLeast', { min: d(min) });
  if (max !== undefined) return t('allowed.atMost', { max: d(max) });
  return '—';
}

export function formatCounts(errors: number, warnings: number, t: Translate): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(errors === 1 ? t('count.errors.one') : t('count.errors.other', { n: errors }));
  if (warnings > 0) parts.push(warnings === 1 ? t('count.warnings.one') : t('count.warnings.other', { n: warnings }));
  return parts.join(', ');
}

/** Key → catalog label of a track (`publication` → "Assessment published"), else the milestone's own title. */
export function trackLabel(o: Pick<Occurrence, 'key' | 'title'>, lang: Lang, t: Translate): string {
  const key = `track.${o.key}` as ReportKey;
  return key in reportMessages[lang] ? t(key) : o.title[lang];
}

export function laneLabel(region: string, t: Translate): string {
  if (region === 'eu' || region === 'latam' || region === 'joint') return t(`lane.${region}`);
  return region;
}

/** Lanes in a fixed order: EU, Latin America, joint, then any other region alphabetically. */
const LANE_ORDER = ['eu', 'latam', 'joint'];
export const compareRegions = (a: string, b: string): number => {
  const ia = LANE_ORDER.indexOf(a);
  const ib = LANE_ORDER.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a < b ? -1 : a > b ? 1 : 0;
};

/** Header of a rule's table: one row per instance (Markdown adds the detail column, HTML a detail row). */
export const ruleColumns = (t: Translate): string[] => [
  t('col.instance'),
  t('col.period'),
  t('col.state'),
  t('col.measured'),
  t('col.allowed'),
  t('col.slack'),
];
