import type { Argv, ArgumentsCamelCase } from 'yargs';
import { useColor, withCalendars, withHorizon, withLang, withToday } from '../options.js';
import { resolveToday } from '../clock.js';
import { parseDateOption } from '../parse-options.js';
import { terminalColumns, writeStdout } from '../stdout.js';

export const command = 'plan';
export const describe = 'Print the milestone calendar of both cycles, past and projected';

export const builder = (y: Argv) =>
  withToday(withLang(withHorizon(withCalendars(y))))
    .option('cycle', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: 'Only these cycles (socta, ideal, joint, …)',
    })
    .option('format', {
      choices: ['table', 'json', 'csv'] as const,
      default: 'table' as const,
      describe: 'Output format',
    })
    .example('$0 plan', 'the instance containing today, the one before and the one after')
    .example('$0 plan --cycle ideal --lang es --from 2029-01-01 --to 2029-12-31', 'one cycle, one year, in Spanish')
    .example('$0 plan --format json --today 2026-11-29', 'stable machine-readable output');

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const { plan } = await import('../../app/plan.js');
  const out = await plan(
    { cwd: process.cwd(), today: resolveToday(argv.today) },
    {
      calendars: argv.calendars,
      cycles: argv.cycle,
      from: parseDateOption('from', argv.from),
      to: parseDateOption('to', argv.to),
      format: argv.format,
      lang: argv.lang,
      color: useColor(),
      width: terminalColumns(),
    }
  );
  await writeStdout(out);
}
