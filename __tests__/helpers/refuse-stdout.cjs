// Preloaded with `node --require` by __tests__/e2e/internal-error.test.ts: makes writing to stdout throw a
// plain TypeError, an error the program does not expect, to exercise the internal-error path (exit 3).
'use strict';
process.stdout.write = () => {
  throw new TypeError('probe: stdout refused');
};
