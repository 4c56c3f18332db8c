// Days from outside (the CLI's --today/--from/--to, the API's options, the Action's inputs) and today itself
// (the system's local date) for every entry; each entry words its own error for a bad day.
import { Temporal } from 'temporal-polyfill';
import { isoDate } from '../core/dates/parse.js';

/** A real calendar day written `YYYY-MM-DD`, else undefined (a malformed text, or 2026-02-30). */
export function plainDay(text: string): Temporal.PlainDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  try {
    return isoDate(text);
  } catch {
    return undefined;
  }
}

/**
 * The system's local date. Read through Date, not Temporal.Now.plainDateISO(): both take the process's time
 * zone from ICU, but the polyfill asks Intl.DateTimeFormat for its name, and the first Intl.DateTimeFormat
 * of a process costs about 12 ms (__tests__/cli/clock.test.ts compares the two under odd zones).
 */
export function localToday(): Temporal.PlainDate {
  const now = new Date();
  return new Temporal.PlainDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
