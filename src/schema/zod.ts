// zod as this program uses it: `zod/mini`, the tree-shakable build of the same package, configured once.
// Every module that builds a schema imports it from here (`import * as z from './zod.js'`), so that the
// configuration holds wherever a schema runs (the CLI, tests, scripts).
import { config, describe } from 'zod/mini';
import type { ZodMiniType } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini ships no messages of its own (every issue would read "Invalid input"): English, the language of
// every error this program prints, is the one locale it loads.
// Each run validates a few documents once. zod's JIT (a `new Function` per object schema, on first use)
// costs more than it saves then; jitless mode also runs without eval.
config({ ...en(), jitless: true });

export * from 'zod/mini';

/**
 * `schema` with a description, which the generated JSON Schema carries to a planner's editor (shown on hover
 * and beside completions); the comment on a field, written once.
 */
export const described = <T extends ZodMiniType>(description: string, schema: T): T =>
  schema.check(describe(description)) as T;
