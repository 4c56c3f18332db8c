import type { Argv, ArgumentsCamelCase } from 'yargs';
import { resolveToday } from '../clock.js';
import { withCalendars, withToday } from '../options.js';
import { writeStdout } from '../stdout.js';

export const command = 'validate';
export const describe = 'Check calendar and rule definitions only (schema, references, loops); exit 2 on a problem';

export const builder = (y: Argv) =>
  withToday(withCalendars(y))
    .option('rules', {
      type: 'string',
      describe: 'Alignment rules file (default: alignment.yaml in a --calendars folder, else the built-in rules)',
    })
    .example('$0 validate --calendars planning/ideal.yaml', 'check a planner’s file');

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const { validate } = await import('../../app/validate.js');
  await writeStdout(
    await validate(
      { cwd: process.cwd(), today: resolveToday(argv.today) },
      { calendars: argv.calendars, rules: argv.rules }
    )
  );
}
