// Options shared by several commands, as yargs declares them (parse-options.ts turns their texts into values).
import type { Argv } from 'yargs';
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
