import type { Argv, ArgumentsCamelCase } from 'yargs';
import { resolveToday } from '../clock.js';
import { withCalendars, withLang, withToday } from '../options.js';
import { writeStdout } from '../stdout.js';

export const command = 'backtest';
export const describe = 'Test each rule against the actual dates it should place: residuals and error bands';

export const builder = (y: Argv) =>
  withToday(withLang(withCalendars(y)))
    .option('format', {
      choices: ['text', 'json', 'markdown'] as const,
      default: 'text' as const,
      describe: 'Output format',
    })
    .example('$0 backtest', 'SOCTA publication: 2017 +12 d, 2021 −27 d, 2025 0 d → band −12 d/+27 d')
    .example('$0 backtest --format json --calendars planning/', 'the same for a planner’s calendars, as JSON');

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const { backtest } = await import('../../app/backtest.js');
  await writeStdout(
    await backtest(
      { cwd: process.cwd(), today: resolveToday(argv.today) },
      { calendars: argv.calendars, format: argv.format, lang: argv.lang }
    )
  );
}
