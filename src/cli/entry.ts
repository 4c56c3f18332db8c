// The program: runs the CLI on this process's arguments and sets its exit code. scripts/bundle.js bundles
// from here; bin/cyclesync.js runs the bundle.
import { hideBin } from 'yargs/helpers';
import { main } from './main.js';

process.exitCode = await main(hideBin(process.argv));
