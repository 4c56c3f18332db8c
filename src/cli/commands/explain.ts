import type { Argv, ArgumentsCamelCase } from 'yargs';
import { resolveToday } from '../clock.js';
import { withCalendars, withLang, withToday } from '../options.js';
import { parseInstance } from '../../app/what-ifs.js';
import { writeStdout } from '../stdout.js';

export const command = 'explain <milestone>';
export const describe = 'Say, in words, how each occurrence of a milestone is derived';

export const builder = (y: Argv) =>
  withToday(withLang(withCalendars(y)))
    .positional('milestone', {
      type: 'string',
      demandOption: true,
      describe: 'A milestone id <cycle>.<key>, e.g. socta.publication',
    })
    .option('instance', { type: 'string', describe: 'Only this instance (2030-2033, or 2030)' })
    .example('$0 explain socta.publication --instance 2030-2033', 'third Tuesday of March 2029 = 2029-03-20 …');

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const { explain } = await import('../../app/explain.js');
  await writeStdout(
    await explain(
      { cwd: process.cwd(), today: resolveToday(argv.today) },
      {
        id: argv.milestone,
        instance: argv.instance === undefined ? undefined : parseInstance(argv.instance),
        calendars: argv.calendars,
        lang: argv.lang,
      }
    )
  );
}
