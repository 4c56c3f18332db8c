// How every output words a date's uncertainty: a projection's back-tested band (`± 27 d`, `−12 d/+27 d`), and
// `untested` when a rule it rests on has too few past dates (or it was placed from a date without record).
import type { Occurrence } from '../core/model/types.js';
import { bandOf } from '../core/model/uncertainty.js';
import { translator } from '../i18n/define.js';
import { planMessages } from '../i18n/messages/plan.js';
import type { Lang } from '../schema/primitives.js';

/** A projected date's back-tested band in words (`± 27 d`); undefined when it has none (untested, or exact). */
export function bandText(o: Pick<Occurrence, 'status' | 'uncertainty'>, lang: Lang): string | undefined {
  if (o.status !== 'projected' || !o.uncertainty || o.uncertainty.parts.length === 0) return undefined;
  const band = bandOf(o.uncertainty);
  if (!band) return undefined;
  const t = translator(planMessages, lang);
  return band.early === band.late
    ? t('band.pm', { days: band.late })
    : t('band.range', { early: band.early, late: band.late });
}

/** True when a projection rests on a rule too few past dates test, or on a date without record. */
export const isUntested = (o: Pick<Occurrence, 'status' | 'uncertainty'>): boolean =>
  o.status === 'projected' && o.uncertainty !== undefined && bandOf(o.uncertainty) === undefined;
