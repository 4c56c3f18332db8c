// The command line on this process's arguments: runs it and sets the exit code. The package's bundle exports
// it (src/package.ts) for bin/cyclesync.js to call.
import { hideBin } from 'yargs/helpers';
import { main } from './main.js';

export async function runCli(): Promise<void> {
  process.exitCode = await main(hideBin(process.argv));
}
