// Preloaded with `node --require` by __tests__/cli/internal-error.test.ts: makes writing to stdout throw a
// plain TypeError, an error the program does not expect, to exercise the internal-error path (exit 3).
// Both ways out are refused: the process.stdout stream, and a writeSync to descriptor 1 (src/cli/stdout.ts).
'use strict';
const fs = require('node:fs');

const refuse = () => {
  throw new TypeError('probe: stdout refused');
};
process.stdout.write = refuse;
const writeSync = fs.writeSync;
fs.writeSync = (fd, ...rest) => (fd === 1 ? refuse() : writeSync(fd, ...rest));
