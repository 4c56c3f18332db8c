import type { Temporal } from 'temporal-polyfill';
import type { Argv, ArgumentsCamelCase } from 'yargs';
import { escapeTerminalLines } from '../../plain-text.js';
import { LANGS } from '../../schema/langs.js';
import { homedir } from 'node:os';
import { resolveRunClock } from '../clock.js';
import { NO_DOMAIN, withCalendars, withToday } from '../options.js';
import { parseLangs, parsePort } from '../parse-options.js';

export const command = 'serve';
export const describe = 'Serve the feeds, feeds.json and the HTML report over HTTP for subscriptions';

export const builder = (y: Argv) =>
  withToday(withCalendars(y))
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on (loopback by default)' })
    .option('port', { type: 'number', default: 8080, describe: 'TCP port; 0 picks a free one (the log says which)' })
    .option('lang', {
      type: 'string',
      default: 'en',
      describe: `Feed languages, comma-separated (${LANGS.join(', ')}); the first also for the report at /`,
    })
    .option('watch', { type: 'boolean', default: false, describe: 'Rebuild when a --calendars file changes' })
    .option('domain', { type: 'string', describe: 'UID domain of the feeds, as `feeds --domain` (keep it the same)' })
    .option('state', {
      type: 'string',
      describe:
        'State file kept across restarts, so a restart serves the same bytes (default: one per --calendars and --domain in $XDG_STATE_HOME/cyclesync/)',
    })
    .option('state-from', {
      type: 'string',
      describe: 'Folder of `cyclesync feeds --out`: start from its state file (read only), so the bytes match',
    })
    .option('base-url', {
      type: 'string',
      describe: 'Public https URL of this server (feeds.json lists https and webcal links)',
    })
    .example('$0 serve', 'http://127.0.0.1:8080/joint.ics, /feeds.json and the report at /')
    .example('$0 serve --calendars planning/ --watch --lang es,en', 'follow a planner’s edits, Spanish first')
    .example('$0 serve --host 0.0.0.0 --port 8443', 'reachable from other machines (put TLS in front)');

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

/** Read at every build: without --today a server running past midnight builds with the new day. */
const clockFor = (today: string | undefined) => (): { today: Temporal.PlainDate; now: Temporal.Instant } =>
  resolveRunClock(today);

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export async function handler(argv: Args): Promise<void> {
  const langs = parseLangs(argv.lang);
  const port = parsePort(argv.port);
  const clock = clockFor(argv.today);
  clock(); // a bad --today or SOURCE_DATE_EPOCH is a usage error before anything starts
  // Log lines name folders and files as the user gave them.
  const log = (line: string) => process.stderr.write(escapeTerminalLines(line) + '\n');
  if (argv.domain === undefined) log(`warning: ${NO_DOMAIN}`);
  const { serve } = await import('../../app/serve.js');
  const { defaultServeStateFile } = await import('../../app/serve-state.js');
  const stateFile =
    argv.state ??
    defaultServeStateFile({
      stateHome: process.env['XDG_STATE_HOME'],
      home: homedir(),
      cwd: process.cwd(),
      calendars: argv.calendars,
      domain: argv.domain,
    });
  const handle = await serve(
    { cwd: process.cwd() },
    {
      host: argv.host,
      port,
      calendars: argv.calendars,
      langs,
      watch: argv.watch,
      ...(argv.domain === undefined ? {} : { domain: argv.domain }),
      ...(argv.baseUrl === undefined ? {} : { baseUrl: argv.baseUrl }),
      ...(argv.stateFrom === undefined ? {} : { stateFrom: argv.stateFrom }),
      stateFile,
    },
    { log, clock }
  );
  // The first SIGINT/SIGTERM shuts down gracefully; both handlers go, so a second one stops at once. They are
  // in place before the "listening" line, which is what tells a supervisor (or a test) it may signal.
  const signalled = new Promise<NodeJS.Signals>(resolve => {
    const stop = (s: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(s);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  if (!LOOPBACK.test(argv.host)) log(`warning: listening on ${argv.host}, reachable from other machines; no TLS`);
  log(`cyclesync serve: listening on ${handle.origin}/ — ${handle.paths().join(' ')}`);
  const signal = await signalled;
  log(`cyclesync serve: ${signal}, finishing open requests`);
  await handle.close();
  log('cyclesync serve: stopped');
}
