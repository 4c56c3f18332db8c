// Locale date formatting that never depends on the machine's time zone, locale or ICU: the language is
// passed in, and the month and weekday names are CLDR's, copied here rather than asked of Intl at run time.
// Two reasons:
// - Determinism across Node versions: Intl answers from the ICU data built into each Node binary, and CLDR
//   changes names between releases (en-GB's short September went from "Sep" to "Sept"). These tables keep
//   every output byte-identical whatever Node runs it.
// - Start-up: the first Intl.DateTimeFormat of a process costs about 12 ms (ICU loads its pattern data),
//   a tenth of `cyclesync check`'s start-up, for three date formats.
// The tables are CLDR 48's (Node 20.20's ICU 78.2) for en-GB, es-ES and pt-PT; __tests__/i18n/format-date.test.ts
// compares every style for two whole years against Intl on a Node with that CLDR.
import type { Temporal } from 'temporal-polyfill';
import type { Lang } from '../schema/primitives.js';

/** The locale each language's tables come from (also what the test compares against). */
export const DATE_LOCALES: Record<Lang, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-PT' };
/** The CLDR release the tables were copied from. */
export const DATE_TABLES_CLDR = '48.0';

const MONTHS: Record<Lang, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  pt: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
};

const SHORT_MONTHS: Record<'en' | 'es', readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
};

/** Monday first, as Temporal's dayOfWeek (1–7). */
const WEEKDAYS: Record<Lang, readonly string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  pt: ['segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado', 'domingo'],
};

/** Every style the outputs use, as CLDR lays them out for each language. */
type Style = 'long' | 'medium' | 'month';

/**
 * @example formatDate(2025-03-18, 'es') //=> "18 de marzo de 2025"
 * @example formatDate(2025-03-18, 'en') //=> "18 March 2025"
 * @example formatDate(2025-09-18, 'en', 'medium') //=> "18 Sept 2025"
 */
export function formatDate(d: Temporal.PlainDate, lang: Lang, style: Style = 'long'): string {
  const month = MONTHS[lang][d.month - 1] ?? '';
  if (style === 'month') return lang === 'en' ? `${month} ${d.year}` : `${month} de ${d.year}`;
  if (style === 'long') return lang === 'en' ? `${d.day} ${month} ${d.year}` : `${d.day} de ${month} de ${d.year}`;
  // pt-PT's medium date is numeric in CLDR: day unpadded, month in two digits.
  if (lang === 'pt') return `${d.day}/${String(d.month).padStart(2, '0')}/${d.year}`;
  return `${d.day} ${SHORT_MONTHS[lang][d.month - 1] ?? ''} ${d.year}`;
}

/** A date known to the day, only to the month, or only to the year. */
export const formatDateWithPrecision = (
  d: Temporal.PlainDate,
  lang: Lang,
  precision: 'day' | 'month' | 'year'
): string => (precision === 'year' ? String(d.year) : formatDate(d, lang, precision === 'month' ? 'month' : 'long'));

/** The weekday's name: "Tuesday", "martes", "terça-feira". */
export const formatWeekday = (d: Temporal.PlainDate, lang: Lang): string => WEEKDAYS[lang][d.dayOfWeek - 1] ?? '';
