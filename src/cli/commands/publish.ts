import type { Argv, ArgumentsCamelCase } from 'yargs';
import { DEFAULT_TIMEOUT_SECONDS } from '../../io/caldav/http.js';
import { FEED_SCOPES } from '../../schema/feed-state-format.js';
import { LANGS } from '../../schema/langs.js';
import type { Lang } from '../../schema/langs.js';
import { resolveRunClock } from '../clock.js';
import { feedContentOptions, withFeedContent } from '../feed-options.js';
import { NO_DOMAIN } from '../options.js';
import { credentialSources, parseCaldavUrl, parseTimeout } from '../parse-caldav.js';
import { escapeTerminalLines } from '../../plain-text.js';
import { writeStdout } from '../stdout.js';

export const command = 'publish';
export const describe = 'Make a CalDAV calendar (Nextcloud, Radicale, SOGo, …) hold exactly the events of a feed';

export const builder = (y: Argv) =>
  withFeedContent(
    y
      .option('caldav', {
        type: 'string',
        demandOption: true,
        describe: 'Calendar collection URL (or a server or principal URL: its calendar home is discovered)',
      })
      .option('feed', { choices: FEED_SCOPES, default: 'joint' as const, describe: 'Which feed to publish' })
      .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'Language of the events' })
  )
    .option('dry-run', { type: 'boolean', default: false, describe: 'Print the plan of writes; send no write' })
    .option('create', { type: 'boolean', default: false, describe: 'Make the calendar (MKCALENDAR) if it is missing' })
    .option('insecure-http', {
      type: 'boolean',
      default: false,
      describe: 'Allow a plain http:// URL on another host than this one (credentials travel unencrypted)',
    })
    .option('timeout', { type: 'number', default: DEFAULT_TIMEOUT_SECONDS, describe: 'Seconds each request may take' })
    .example(
      '$0 publish --caldav https://cloud.example/remote.php/dav/calendars/ana/cyclesync/ --create',
      'the joint feed in English into a Nextcloud calendar (made if missing); credentials from the environment'
    );

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const caldav = parseCaldavUrl(argv.caldav, argv.insecureHttp);
  const timeoutSeconds = parseTimeout(argv.timeout);
  const { now, today } = resolveRunClock(argv.today);
  const { publish } = await import('../../app/publish.js');
  const result = await publish(
    { cwd: process.cwd(), today, now },
    {
      ...feedContentOptions(argv),
      caldav,
      scope: argv.feed,
      lang: argv.lang,
      dryRun: argv.dryRun,
      create: argv.create,
      timeoutSeconds,
      credentials: credentialSources(process.env),
    }
  );
  if (argv.domain === undefined) process.stderr.write(`warning: ${NO_DOMAIN}\n`);
  // The report quotes the server's resource names and the URL as given.
  await writeStdout(escapeTerminalLines(result.report));
  process.exitCode = result.exitCode;
}
