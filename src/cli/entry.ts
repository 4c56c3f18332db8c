// The program: runs the CLI on this process's arguments and sets its exit code. scripts/bundle.js bundles
// from here; bin/cyclesync.cjs awaits `done` to know when the command has finished (and only then writes
// its compile cache). Without top-level await, so that the bundle can be CommonJS, which V8's code cache
// (vm.Script cachedData) needs.
import { hideBin } from 'yargs/helpers';
import { main } from './main.js';

export const done: Promise<void> = main(hideBin(process.argv)).then(code => {
  process.exitCode = code;
});
