// Validates a file's data (merged over its `extends` chain) against its format's schema, and turns a failure
// into the one error message per field (schema-errors.ts). Shared by calendars and alignment rules.
import type * as z from '../schema/zod.js';
import { CycleSyncError } from '../errors.js';
import { chainLocator } from './read-extends-chain.js';
import type { ExtendsChain } from './read-extends-chain.js';
import { didYouMean, schemaError } from './schema-errors.js';

/** A format's schema and every key it knows (for "did you mean" hints), from its module. */
export interface Format<S extends z.ZodMiniType> {
  name: 'calendar' | 'alignment';
  /** Imports the schema module: only a file that needs validating loads it (the built-ins come validated). */
  load: () => Promise<{ schema: S; knownKeys: readonly string[] }>;
  /** Where the format is documented, for the hint. */
  docs?: string;
}

/**
 * Refuses a file that is not of the format at all: not a mapping, or a mapping none of whose keys the format
 * knows or nearly knows (a misspelt key still gets its "did you mean"). A path may name any file on the
 * machine, so nothing of such a file is quoted.
 */
function checkFormat(file: string, data: unknown, format: Format<z.ZodMiniType>, knownKeys: readonly string[]): void {
  const isMapping = typeof data === 'object' && data !== null && !Array.isArray(data);
  if (isMapping && Object.keys(data).some(k => knownKeys.includes(k) || didYouMean(k, knownKeys) !== undefined)) return;
  throw new CycleSyncError({
    code: 'SCHEMA',
    message:
      data === null || data === undefined
        ? `${file} is empty`
        : `${file} is not ${format.name === 'alignment' ? 'an alignment rules' : `a ${format.name}`} file: ${isMapping ? 'none of its keys is one the format knows' : 'its top level is not a mapping of keys'}`,
    at: { file },
    hint: `see ${format.docs ?? 'README › Calendar format'}`,
  });
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
  for (const input of chain.inputs) checkFormat(input.file, input.data, format, knownKeys);
  const parsed = schema.safeParse(chain.data);
  if (parsed.success) return parsed.data;
  const file = chain.inputs[0]?.file ?? abs;
  throw schemaError(file, parsed.error.issues, chainLocator(chain), knownKeys, chain.data, format.docs);
}
