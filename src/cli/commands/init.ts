import type { Argv, ArgumentsCamelCase } from 'yargs';
import { escapeTerminalLines } from '../../plain-text.js';
import { writeStdout } from '../stdout.js';

export const command = 'init [dir]';
export const describe =
  'Scaffold a planner’s repository: package.json pinning cyclesync, calendars that extend the built-ins, rules, CI jobs (check, and feeds on GitHub or GitLab Pages)';

export const builder = (y: Argv) =>
  y
    .positional('dir', { type: 'string', default: '.', describe: 'Folder to scaffold (created if missing)' })
    .option('package', {
      type: 'string',
      describe:
        'How package.json names cyclesync: a version (default: this one), a tarball (./cyclesync-X.tgz) or a git URL (github:owner/cyclesync#vX)',
    })
    .example('$0 init planning', 'package.json, calendars/, GitHub workflows, .gitlab-ci.yml in planning/')
    .example('$0 init planning --package ./cyclesync-0.2.0.tgz', 'pin a tarball made by `npm pack`');

type Args = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

export async function handler(argv: Args): Promise<void> {
  const { init } = await import('../../app/init.js');
  // It names the folder as the user gave it.
  await writeStdout(escapeTerminalLines(await init({ cwd: process.cwd() }, { dir: argv.dir, package: argv.package })));
}
