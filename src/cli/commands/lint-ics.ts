import type { Argv, ArgumentsCamelCase } from 'yargs';
import { CycleSyncError } from '../../errors.js';
import { useColor } from '../options.js';
import { writeStdout } from '../stdout.js';

export const command = 'lint-ics <files..>';
export const describe = 'Check iCalendar feeds octet by octet (RFC 5545/5546/7986, client limits); exit 1 on an error';

// yargs-parser drops a lone "-" (it reads it as an empty flag group), so unknown options are taken as
// arguments here and the handler refuses any that start with "-" other than "-" itself.
export const builder = (y: Argv) =>
  y
    .parserConfiguration({ 'unknown-options-as-args': true })
    .positional('files', {
      type: 'string',
      array: true,
      demandOption: true,
      default: undefined,
      describe: '.ics files; - reads standard input',
    })
    .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' })
    .option('profile', {
      choices: ['snapshot', 'publish'] as const,
      default: 'snapshot' as const,
      describe: 'snapshot: no METHOD (cyclesync feeds); publish: METHOD:PUBLISH with an ORGANIZER on every event',
    })
    .example('$0 lint-ics public/feeds/*.ics', 'lint feeds before publishing them')
    .example('$0 lint-ics - --format json < feed.ics', 'read standard input, print JSON')
    .example('$0 lint-ics export.ics --profile publish', 'an iTIP export (Google, Outlook)');

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

/** Reads standard input as bytes, refusing more than `limit` octets; `shown` names it in the error. */
async function readStdin(limit: number, shown: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new CycleSyncError({
        code: 'FILE_TOO_LARGE',
        message: `standard input is over ${limit} bytes; lint-ics reads at most that`,
        at: { file: shown },
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function checkFiles(files: readonly string[]): string[] {
  const option = files.find(f => f.startsWith('-') && f !== '-');
  if (option !== undefined) {
    throw new CycleSyncError({
      code: 'USAGE',
      message: `unknown option ${option}`,
      hint: 'run `cyclesync lint-ics --help`; to lint a file whose name starts with "-", write ./' + option,
    });
  }
  return [...files];
}

export async function handler(argv: Args): Promise<void> {
  const { lintIcsFiles, MAX_LINT_BYTES, STDIN_NAME } = await import('../../app/lint-ics.js');
  const result = await lintIcsFiles(
    { cwd: process.cwd() },
    {
      files: checkFiles(argv.files.map(String)),
      format: argv.format,
      profile: argv.profile,
      color: useColor(),
      readStdin: () => readStdin(MAX_LINT_BYTES, STDIN_NAME),
    }
  );
  await writeStdout(result.output);
  process.exitCode = result.exitCode;
}
