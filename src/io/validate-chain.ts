// Validates a file's data (merged over its `extends` chain) against its format's schema, and turns a failure
// into the one error message per field (schema-errors.ts). Shared by calendars and alignment rules.
import type * as z from '../schema/zod.js';
import { chainLocator } from './read-extends-chain.js';
import type { ExtendsChain } from './read-extends-chain.js';
import { schemaError } from './schema-errors.js';

/** A format's schema and every key it knows (for "did you mean" hints), from its module. */
export interface Format<S extends z.ZodMiniType> {
  name: 'calendar' | 'alignment';
  /** Imports the schema module: only a file that needs validating loads it (the built-ins come validated). */
  load: () => Promise<{ schema: S; knownKeys: readonly string[] }>;
  /** Where the format is documented, for the hint. */
  docs?: string;
}

/**
 * The schema's output for the chain's data. A built-in alone, extending nothing, was validated against its
 * format when it was generated (builtin-calendars.ts); read as another format (the rules file as a calendar) it
 * is validated afresh, and fails. A failure throws the schema error, located in the file that wrote each field.
 */
export async function validateChain<S extends z.ZodMiniType>(
  chain: ExtendsChain,
  abs: string,
  format: Format<S>
): Promise<z.output<S>> {
  const [only, ...parents] = chain.inputs;
  if (parents.length === 0 && only && 'validatedAs' in only && only.validatedAs === format.name)
    return chain.data as z.output<S>;
  const { schema, knownKeys } = await format.load();
  const parsed = schema.safeParse(chain.data);
  if (parsed.success) return parsed.data;
  const file = chain.inputs[0]?.file ?? abs;
  throw schemaError(file, parsed.error.issues, chainLocator(chain), knownKeys, chain.data, format.docs);
}
