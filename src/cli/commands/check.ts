import type { Argv, ArgumentsCamelCase } from 'yargs';
// The format list only (a module with no imports): the renderers load with the handler.
import { FINDINGS_FORMATS } from '../../render/findings/types.js';
import { resolveToday } from '../clock.js';
import { useColor, withCalendars, withLang, withToday } from '../options.js';
import { parseInstance, parseSet, parseShift } from '../../app/what-ifs.js';
import { VERSION } from '../../version.js';
import { writeStdout } from '../stdout.js';

export const command = 'check';
export const describe = 'Check that SOCTA and IDEAL are aligned as clause 20 asks; exit 1 on a plan finding';

export const builder = (y: Argv) =>
  withToday(withLang(withCalendars(y)))
    .option('rules', {
      type: 'string',
      describe: 'Alignment rules file (default: alignment.yaml in a --calendars folder, else builtin:alignment)',
    })
    .option('format', { choices: FINDINGS_FORMATS, default: 'text' as const, describe: 'Output format' })
    .option('fail-on', {
      choices: ['error', 'warning'] as const,
      default: 'error' as const,
      describe: 'Lowest severity of a plan finding that makes the exit code 1',
    })
    .option('include-history', {
      type: 'boolean',
      default: false,
      describe: 'History findings fail the check too',
    })
    .option('shift', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe:
        'What-if: move a milestone or a cycle’s plan, in every instance or one: ideal.publication=+P3W, ideal=-P1M, ideal@2030-2033=-P72D (repeatable)',
    })
    .option('set', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: 'What-if: change a cycle, e.g. ideal.period=P3Y (repeatable)',
    })
    .option('movable', { type: 'string', describe: 'The cycle fixes move (default: the rules file’s, i.e. ideal)' })
    .option('instance', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: 'Only these instances (2030-2033, or 2030); default: around today',
    })
    .example('$0 check', 'exit 0 when the plan ahead is aligned, 1 when it is not')
    .example('$0 check --calendars planning/ --format github', 'annotations on the lines of a planner’s files in CI')
    .example('$0 check --shift ideal.publication=+P3W', 'what if IDEAL were launched three weeks later?')
    .example('$0 check --set ideal.period=P3Y --format json', 'what if IDEAL ran on three-year cycles?');

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const { check } = await import('../../app/check.js');
  const { output, exitCode } = await check(
    { cwd: process.cwd(), today: resolveToday(argv.today) },
    {
      calendars: argv.calendars,
      rules: argv.rules,
      format: argv.format,
      lang: argv.lang,
      color: argv.format === 'text' && useColor(),
      failOn: argv.failOn,
      includeHistory: argv.includeHistory,
      whatIfs: [...argv.shift.map(parseShift), ...argv.set.map(parseSet)],
      movable: argv.movable,
      instances: argv.instance.map(parseInstance),
      toolVersion: VERSION,
    }
  );
  await writeStdout(output);
  process.exitCode = exitCode;
}
