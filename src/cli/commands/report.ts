import type { Argv, ArgumentsCamelCase } from 'yargs';
import { withCalendars, withHorizon, withLang, withToday } from '../options.js';
import { resolveToday } from '../clock.js';
import { parseDateOption, parseOutPath } from '../parse-options.js';
import { escapeTerminal } from '../../plain-text.js';
import { writeStdout } from '../stdout.js';

export const command = 'report';
export const describe = 'Write the alignment report for both regions (HTML with a timeline, Markdown, SVG or JSON)';

export const builder = (y: Argv) =>
  withToday(withLang(withHorizon(withCalendars(y))))
    .option('format', {
      choices: ['html', 'md', 'svg', 'json'] as const,
      default: 'html' as const,
      describe:
        'html: one self-contained page · md: a pull-request comment · svg: the timeline alone · json: for --previous',
    })
    .option('rules', {
      type: 'string',
      describe:
        'Alignment rules file, as for `check` (default: alignment.yaml in a --calendars folder, else builtin:alignment)',
    })
    .option('out', { type: 'string', describe: 'Write to this file (atomically) instead of standard output' })
    .option('previous', {
      type: 'string',
      describe:
        'Show what changed since this earlier `report --format json` / `plan --format json` or feeds state file',
    })
    .example('$0 report --out report.html', 'the HTML report in English, for the default horizon')
    .example('$0 report --format md --lang es > comment.md', 'a Spanish pull-request comment')
    .example('$0 report --format json --out published.json', 'keep what was published, for the next --previous')
    .example(
      '$0 report --lang pt --previous published.json --out relatorio.html',
      'what moved since then, in Portuguese'
    );

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const { report } = await import('../../app/report.js');
  const result = await report(
    { cwd: process.cwd(), today: resolveToday(argv.today) },
    {
      calendars: argv.calendars,
      rules: argv.rules,
      format: argv.format,
      lang: argv.lang,
      from: parseDateOption('from', argv.from),
      to: parseDateOption('to', argv.to),
      previous: argv.previous,
      out: parseOutPath(argv.out),
    }
  );
  if (result.written === undefined) await writeStdout(result.content);
  else process.stderr.write(`report: wrote ${escapeTerminal(result.written)}\n`);
}
