import type { Argv, ArgumentsCamelCase } from 'yargs';
import { escapeTerminalLines } from '../../plain-text.js';
import { writeStdout } from '../stdout.js';

export const command = 'init [dir]';
export const describe = 'Scaffold a planner’s repository: calendars that extend the built-ins, rules, CI jobs';

export const builder = (y: Argv) =>
  y
    .positional('dir', { type: 'string', default: '.', describe: 'Folder to scaffold (created if missing)' })
    .example('$0 init planning', 'calendars/, .github/workflows/cyclesync.yml, .gitlab-ci.yml in planning/');

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const { init } = await import('../../app/init.js');
  // It names the folder as the user gave it.
  await writeStdout(escapeTerminalLines(await init({ cwd: process.cwd() }, { dir: argv.dir })));
}
