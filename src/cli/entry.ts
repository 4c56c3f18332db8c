// The program: runs the CLI on this process's arguments and sets its exit code. scripts/bundle.js bundles
// from here; bin/cyclesync.cjs awaits `done` to know when the command has finished (and only then writes
// its compile cache). Without top-level await, so that the bundle can be CommonJS, which V8's code cache
// (vm.Script cachedData) needs.
import { hideBin } from 'yargs/helpers';
import { z } from 'zod';
import { main } from './main.js';

// Each run validates a few documents once. zod's JIT (a `new Function` per object schema, on first use)
// costs more than it saves then: about 10 ms of a cold `check`. Jitless mode also runs without eval.
z.config({ jitless: true });

export const done: Promise<void> = main(hideBin(process.argv)).then(code => {
  process.exitCode = code;
});
