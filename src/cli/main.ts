// The one error boundary: every error becomes a message and an exit code here. The program that calls it
// is cli/entry.ts; the installed command runs it from the bundle (bin/cyclesync.js).
// 0 ok · 1 findings at or above --fail-on (check) · 2 bad input or usage · 3 internal error (a bug).
import yargs from 'yargs';
import { CycleSyncError, EXIT, formatError, isCycleSyncError } from '../errors.js';
import { escapeTerminal } from '../plain-text.js';
import { commands } from './commands/index.js';
import { terminalColumns } from './stdout.js';
import { VERSION } from '../version.js';

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    await yargs(argv)
      .scriptName('cyclesync')
      .locale('en')
      .usage(
        '$0 <command> [options]\n\nKeeps the EU SOCTA/EMPACT and the Latin American IDEAL/CLASI cycles in step (EU–CLASI declaration, clause 20).'
      )
      .command(commands)
      .demandCommand(1, 'Name a command: plan, check, explain, …')
      .option('debug', { type: 'boolean', describe: 'Show the stack of an internal error', global: true })
      .strict()
      .recommendCommands()
      .version(VERSION)
      .help()
      .alias('h', 'help')
      .wrap(Math.min(110, terminalColumns() ?? 100))
      .exitProcess(false)
      .fail((msg, err) => {
        if (err) throw err;
        throw new CycleSyncError({
          code: 'USAGE',
          message: msg.startsWith('Did you mean') ? `unknown command "${argv[0] ?? ''}". ${msg}` : msg,
          hint: 'run `cyclesync --help` or `cyclesync <command> --help`',
        });
      })
      .parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (isCycleSyncError(e)) {
      process.stderr.write(formatError(e) + '\n');
      if (debug && e.stack) process.stderr.write(e.stack + '\n');
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`cyclesync: internal error: ${escapeTerminal(message)}\n`);
    process.stderr.write(
      debug && e instanceof Error && e.stack
        ? e.stack + '\n'
        : 'This is a bug. Run again with --debug to see the stack, and report it.\n'
    );
    return EXIT.internal;
  }
}
