// Locale date formatting that never depends on the machine's time zone or locale: the language is passed in
// and the date is formatted as a UTC calendar day.
import type { Temporal } from 'temporal-polyfill';
import type { Lang } from '../schema/primitives.js';

const LOCALES: Record<Lang, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-PT' };
/** Every style the outputs use; one cached formatter per language and style. */
const STYLES = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  weekday: { weekday: 'long' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
type Style = keyof typeof STYLES;
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, style: Style): Intl.DateTimeFormat {
  const key = `${lang}/${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...STYLES[style] });
    cache.set(key, f);
  }
  return f;
}

const toUtc = (d: Temporal.PlainDate): Date => new Date(Date.UTC(d.year, d.month - 1, d.day));

/**
 * @example formatDate(2025-03-18, 'es') //=> "18 de marzo de 2025"
 * @example formatDate(2025-03-18, 'en') //=> "18 March 2025"
 */
export const formatDate = (d: Temporal.PlainDate, lang: Lang, style: Exclude<Style, 'weekday'> = 'long'): string =>
  formatter(lang, style).format(toUtc(d));

/** A date known to the day or only to the month. */
export const formatDateWithPrecision = (d: Temporal.PlainDate, lang: Lang, precision: 'day' | 'month'): string =>
  formatDate(d, lang, precision === 'month' ? 'month' : 'long');

/** The weekday's name: "Tuesday", "martes", "terça-feira". */
export const formatWeekday = (d: Temporal.PlainDate, lang: Lang): string => formatter(lang, 'weekday').format(toUtc(d));
