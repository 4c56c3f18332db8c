import type { Argv, ArgumentsCamelCase } from 'yargs';
import { resolveRunClock } from '../clock.js';
import { feedContentOptions, withFeedContent } from '../feed-options.js';
import { NO_DOMAIN } from '../options.js';
import { parseLangs, parseOutPath } from '../parse-options.js';
import { escapeTerminal, escapeTerminalLines } from '../../plain-text.js';
import { writeStdout } from '../stdout.js';

export const command = 'feeds';
export const describe = 'Write iCalendar feeds (eu.ics, latam.ics, joint.ics per language) and feeds.json to a folder';

export const builder = (y: Argv) =>
  withFeedContent(
    y
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
  )
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
      ...feedContentOptions(argv),
      out: parseOutPath(argv.out),
      langs: parseLangs(argv.lang),
      ...(argv.baseUrl === undefined ? {} : { baseUrl: argv.baseUrl }),
    }
  );
  // The warnings and the report name the --out folder as the user gave it.
  for (const w of [...(argv.domain === undefined ? [NO_DOMAIN] : []), ...result.warnings])
    process.stderr.write(`warning: ${escapeTerminal(w)}\n`);
  await writeStdout(escapeTerminalLines(result.report));
}
