// Options shared by several commands, and their conversion into typed values (usage errors → exit 2).
import type { Argv } from 'yargs';
import { CycleSyncError } from '../errors.js';
import { LANGS } from '../schema/langs.js';
import type { Lang } from '../schema/langs.js';
import { stdoutIsTerminal } from './stdout.js';

export const withCalendars = <T>(y: Argv<T>) =>
  y.option('calendars', {
    type: 'string',
    array: true,
    default: [] as string[],
    describe: 'Calendar files or folders; each replaces or adds a cycle (builtin:ideal names a built-in one)',
  });

export const withToday = <T>(y: Argv<T>) =>
  y.option('today', { type: 'string', describe: 'Run as if today were this date (YYYY-MM-DD)' });

export const withLang = <T>(y: Argv<T>) =>
  y.option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'Language of titles, dates and messages' });

export const withHorizon = <T>(y: Argv<T>) =>
  y
    .option('from', { type: 'string', describe: 'First day of the horizon (default: start of the previous instance)' })
    .option('to', { type: 'string', describe: 'Last day of the horizon (default: end of the next instance)' });

/** What `feeds` and `serve` say, once, when they run without --domain. */
export const NO_DOMAIN =
  'no --domain: event UIDs end in @cyclesync.invalid, and moving them to a real domain later makes every subscriber see each event twice; pass --domain with a domain you control, and keep it';

/** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export const useColor = (): boolean => stdoutIsTerminal() && (process.env['NO_COLOR'] ?? '') === '';

/** `--lang es,en`: a comma-separated list of languages, the first one the default (duplicates dropped). */
/** `a, b,,c` → ['a', 'b', 'c']: a comma-separated option value, blanks dropped. */
export const splitList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(s => s !== '');

export function parseLangs(value: string): Lang[] {
  const langs = splitList(value);
  const bad = langs.find(l => !(LANGS as readonly string[]).includes(l));
  if (bad !== undefined || langs.length === 0)
    throw new CycleSyncError({
      code: 'USAGE',
      message: `--lang ${JSON.stringify(value)} names an unknown language${bad ? ` (${JSON.stringify(bad)})` : ''}`,
      expected: `a comma-separated list of ${LANGS.join(', ')}, e.g. es,en`,
    });
  return [...new Set(langs as Lang[])];
}
