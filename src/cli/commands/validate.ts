import type { Argv, ArgumentsCamelCase } from 'yargs';
import { withCalendars } from '../options.js';

export const command = 'validate';
export const describe = 'Check calendar definitions only (schema, references, loops); exit 2 on the first problem';

export const builder = (y: Argv) =>
  withCalendars(y).example('$0 validate --calendars planning/ideal.yaml', 'check a planner’s file');

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const { validate } = await import('../../app/validate.js');
  process.stdout.write(await validate({ cwd: process.cwd() }, { calendars: argv.calendars }));
}
