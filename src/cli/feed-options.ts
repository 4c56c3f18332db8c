// The options that shape what the feeds hold, shared by `feeds` and `publish` so that a published calendar
// and a subscribed feed built from the same options carry the same events.
import type { Argv } from 'yargs';
import type { FeedsOptions } from '../app/feeds.js';
import { withCalendars, withHorizon, withToday } from './options.js';
import { parseDateOption, splitList } from './parse-options.js';

export const withFeedContent = <T>(y: Argv<T>) =>
  withToday(withHorizon(withCalendars(y)))
    .option('domain', { type: 'string', describe: 'UID domain (events are <id>@<domain>); set once, never change it' })
    .option('remind', { type: 'string', describe: 'Display alarms before deadlines, e.g. P14D,P2D (default: none)' })
    .option('grace', { type: 'string', default: 'P30D', describe: 'How long a removed milestone stays as cancelled' })
    .option('max-span-days', {
      type: 'number',
      default: 31,
      describe: 'Longest window shown as one all-day span; longer ones get start and end markers',
    })
    .option('findings', {
      type: 'boolean',
      default: true,
      describe: 'Alignment findings as events of joint.ics (--no-findings leaves them out)',
    })
    .option('rules', {
      type: 'string',
      describe: 'Alignment rules file, as for `check` (default: the built-in rules)',
    });

interface FeedContentArgs {
  calendars: string[];
  domain: string | undefined;
  remind: string | undefined;
  grace: string;
  maxSpanDays: number;
  findings: boolean;
  rules: string | undefined;
  from: string | undefined;
  to: string | undefined;
}

type FeedContent = Omit<FeedsOptions, 'langs' | 'baseUrl' | 'out' | 'previousState'>;

/** The options of `withFeedContent` as the app takes them. */
export const feedContentOptions = (argv: FeedContentArgs): FeedContent => ({
  calendars: argv.calendars,
  ...(argv.domain === undefined ? {} : { domain: argv.domain }),
  remind: splitList(argv.remind),
  grace: argv.grace,
  maxSpanDays: argv.maxSpanDays,
  findings: argv.findings,
  ...(argv.rules === undefined ? {} : { rules: argv.rules }),
  ...(argv.from === undefined ? {} : { from: parseDateOption('from', argv.from)! }),
  ...(argv.to === undefined ? {} : { to: parseDateOption('to', argv.to)! }),
});
