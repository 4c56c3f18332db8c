// Validates a file's data (merged over its `extends` chain) against its format's schema, and turns a failure
// into the one error message per field (schema-errors.ts). Shared by calendars and alignment rules.
import type * as z from '../schema/zod.js';
import type { SchemaName } from './precompiled-builtins.js';
import { chainLocator } from './read-extends-chain.js';
import type { ExtendsChain } from './read-extends-chain.js';
import { schemaError } from './schema-errors.js';

/** A format's schema and every key it knows (for "did you mean" hints), from its module. */
export interface Format<S extends z.ZodMiniType> {
  name: SchemaName;
  /**
   * Imports the schema module. It is imported only when a file needs validating: building its zod schemas
   * costs about 6 ms of a cold start, which a run on the built-in calendars does without.
   */
  load: () => Promise<{ schema: S; knownKeys: readonly string[] }>;
  /** Where the format is documented, for the hint. */
  docs?: string;
}

/**
 * The schema's output for the chain's data, or the same output from build time when the chain is one
 * unchanged built-in validated against this format (a rules file read as a calendar is validated afresh,
 * and fails). A failure throws the schema error, located in the file that wrote each field.
 */
export async function validateChain<S extends z.ZodMiniType>(
  chain: ExtendsChain,
  abs: string,
  format: Format<S>
): Promise<z.output<S>> {
  // Build-time output exists only for a file read whole: a chain of one input, extending nothing.
  const prevalidated = chain.inputs.length === 1 ? chain.inputs[0]?.prevalidated : undefined;
  if (prevalidated?.schema === format.name) return prevalidated.data as z.output<S>;
  const { schema, knownKeys } = await format.load();
  const parsed = schema.safeParse(chain.data);
  if (parsed.success) return parsed.data;
  const file = chain.inputs[0]?.file ?? abs;
  throw schemaError(file, parsed.error.issues, chainLocator(chain), knownKeys, chain.data, format.docs);
}
