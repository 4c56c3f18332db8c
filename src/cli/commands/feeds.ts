import type { Argv, ArgumentsCamelCase } from 'yargs';
import { resolveRunClock } from '../clock.js';
import { NO_DOMAIN, withCalendars, withHorizon, withToday } from '../options.js';
import { parseDateOption, parseLangs, parseOutPath, splitList } from '../parse-options.js';
import { escapeTerminal, escapeTerminalLines } from '../../plain-text.js';
import { writeStdout } from '../stdout.js';

export const command = 'feeds';
export const describe = 'Write iCalendar feeds (eu.ics, latam.ics, joint.ics per language) and feeds.json to a folder';

export const builder = (y: Argv) =>
  withToday(withHorizon(withCalendars(y)))
    .option('out', { type: 'string', demandOption: true, describe: 'Output folder (created if missing)' })
    .option('lang', {
      type: 'string',
      default: 'en',
      describe: 'Languages, comma-separated; the first gets unsuffixed files (joint.ics), others joint.es.ics …',
    })
    .option('base-url', {
      type: 'string',
      describe: 'Public https URL of the folder: feeds.json lists https and webcal links',
    })
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
    .option('rules', { type: 'string', describe: 'Alignment rules file, as for `check` (default: the built-in rules)' })
    .example('$0 feeds --out public/', 'eu.ics, latam.ics, joint.ics and feeds.json in public/')
    .example(
      '$0 feeds --out public/ --lang en,es,pt --base-url https://example.org/cal/ --remind P14D,P2D',
      'three languages, links in feeds.json, reminders two weeks and two days before'
    );

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const { feeds } = await import('../../app/feeds.js');
  const { now, today } = resolveRunClock(argv.today);
  const result = await feeds(
    { cwd: process.cwd(), today, now },
    {
      out: parseOutPath(argv.out),
      calendars: argv.calendars,
      langs: parseLangs(argv.lang),
      ...(argv.baseUrl === undefined ? {} : { baseUrl: argv.baseUrl }),
      ...(argv.domain === undefined ? {} : { domain: argv.domain }),
      remind: splitList(argv.remind),
      grace: argv.grace,
      maxSpanDays: argv.maxSpanDays,
      findings: argv.findings,
      ...(argv.rules === undefined ? {} : { rules: argv.rules }),
      ...(argv.from === undefined ? {} : { from: parseDateOption('from', argv.from)! }),
      ...(argv.to === undefined ? {} : { to: parseDateOption('to', argv.to)! }),
    }
  );
  // The warnings and the report name the --out folder as the user gave it.
  for (const w of [...(argv.domain === undefined ? [NO_DOMAIN] : []), ...result.warnings])
    process.stderr.write(`warning: ${escapeTerminal(w)}\n`);
  await writeStdout(escapeTerminalLines(result.report));
}
