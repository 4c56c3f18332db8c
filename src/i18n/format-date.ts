// Locale date formatting that never depends on the machine's time zone or locale: the language is passed in
// and the date is formatted as a UTC calendar day.
import type { Temporal } from 'temporal-polyfill';
import type { Lang } from '../schema/primitives.js';

const LOCALES: Record<Lang, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-PT' };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, style: 'long' | 'medium' | 'month'): Intl.DateTimeFormat {
  const key = `${lang}/${style}`;
  let f = cache.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      style === 'long'
        ? { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }
        : style === 'month'
          ? { timeZone: 'UTC', month: 'long', year: 'numeric' }
          : { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' };
    f = new Intl.DateTimeFormat(LOCALES[lang], opts);
    cache.set(key, f);
  }
  return f;
}

const toUtc = (d: Temporal.PlainDate): Date => new Date(Date.UTC(d.year, d.month - 1, d.day));

/**
 * @example formatDate(2025-03-18, 'es') //=> "18 de marzo de 2025"
 * @example formatDate(2025-03-18, 'en') //=> "18 March 2025"
 */
export const formatDate = (d: Temporal.PlainDate, lang: Lang, style: 'long' | 'medium' | 'month' = 'long'): string =>
  formatter(lang, style).format(toUtc(d));

/** A date known to the day or only to the month. */
export const formatDateWithPrecision = (d: Temporal.PlainDate, lang: Lang, precision: 'day' | 'month'): string =>
  formatDate(d, lang, precision === 'month' ? 'month' : 'long');

const WEEKDAY_CACHE = new Map<Lang, Intl.DateTimeFormat>();
export function formatWeekday(d: Temporal.PlainDate, lang: Lang): string {
  let f = WEEKDAY_CACHE.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', weekday: 'long' });
    WEEKDAY_CACHE.set(lang, f);
  }
  return f.format(toUtc(d));
}
