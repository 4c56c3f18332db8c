// cli/main.ts's withoutHelpCaching reaches into yargs's internals to stop it rendering the running
// command's help before every handler. This pins what it relies on, so that a yargs upgrade that moves
// the hook fails here rather than silently making every run slower again.
import { describe, expect, test } from '@jest/globals';
import yargs from 'yargs';
import { withoutHelpCaching } from '../../src/cli/main.js';

interface Usage {
  cacheHelpMessage: () => void;
  hasCachedHelpMessage: () => boolean;
}
const usageOf = (cli: unknown): Usage =>
  (cli as { getInternalMethods: () => { getUsageInstance: () => Usage } }).getInternalMethods().getUsageInstance();

async function runCommand(patch: boolean): Promise<{ ran: boolean; cached: boolean }> {
  let ran = false;
  const cli = yargs(['go', '--n', '2']);
  const usage = usageOf(cli);
  if (patch) withoutHelpCaching(cli);
  await cli
    .command(
      'go',
      'a command',
      y => y.option('n', { type: 'number' }),
      () => {
        ran = true;
      }
    )
    .exitProcess(false)
    .parseAsync();
  return { ran, cached: usage.hasCachedHelpMessage() };
}

describe('withoutHelpCaching', () => {
  test('yargs caches the command help on every run by itself', async () => {
    expect(await runCommand(false)).toEqual({ ran: true, cached: true });
  });

  test('with the hook the command still runs, and no help is rendered', async () => {
    expect(await runCommand(true)).toEqual({ ran: true, cached: false });
  });
});
