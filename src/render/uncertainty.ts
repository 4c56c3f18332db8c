// How every output words a date's uncertainty: a projection's back-tested band (`± 27 d`, `−12 d/+27 d`),
// `untested` when a rule it rests on has too few past dates, `exact` for a verified rule.
import type { Occurrence } from '../core/model/types.js';
import { bandOf } from '../core/model/uncertainty.js';
import { translator } from '../i18n/define.js';
import { planMessages } from '../i18n/messages/plan.js';
import type { Lang } from '../schema/primitives.js';

/** The band of a projected date in words; undefined for a date that is not projected. */
export function bandText(o: Pick<Occurrence, 'status' | 'uncertainty'>, lang: Lang): string | undefined {
  if (o.status !== 'projected' || !o.uncertainty) return undefined;
  const t = translator(planMessages, lang);
  const band = bandOf(o.uncertainty);
  if (!band) return t('band.untested');
  if (band.early === 0 && band.late === 0)
    return o.uncertainty.parts.length === 0 ? t('band.exact') : t('band.pm', { days: 0 });
  return band.early === band.late
    ? t('band.pm', { days: band.late })
    : t('band.range', { early: band.early, late: band.late });
}
