// zod as this program uses it: every module that builds a schema imports z from here, so that the
// configuration holds wherever a schema runs (the CLI, tests, scripts), and zod loads only with a schema.
import { z } from 'zod';

// Each run validates a few documents once. zod's JIT (a `new Function` per object schema, on first use)
// costs more than it saves then: about 10 ms of a cold `check`. Jitless mode also runs without eval.
z.config({ jitless: true });

export { z };
