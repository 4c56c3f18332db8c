// Validates a file's data (merged over its `extends` chain) against its format's schema, and turns a failure
// into the one error message per field (schema-errors.ts). Shared by calendars and alignment rules.
import type * as z from '../schema/zod.js';
import { CycleSyncError } from '../errors.js';
import { chainLocator, writtenPath } from './read-extends-chain.js';
import type { ExtendsChain } from './read-extends-chain.js';
import { didYouMean, isMissingField, schemaError } from './schema-errors.js';

/** A format's schema and every key it knows (for "did you mean" hints), from its module. */
export interface Format<S extends z.ZodMiniType> {
  name: 'calendar' | 'alignment';
  /** The map of entries a file extends by name (`milestones`, `rules`), what one is called, what a new one needs. */
  entries: { key: string; word: string; needs: string };
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

const entriesOf = (data: unknown, key: string): string[] => {
  const entries = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  return typeof entries === 'object' && entries !== null ? Object.keys(entries) : [];
};

/**
 * A misspelt override (`publicaton:` in a file that extends the IDEAL calendar): an entry the planner's file adds
 * that lacks a required field, named like one its parent has. Told as one error at its key, not as the fields a
 * new milestone would need; a new entry that has them all, or is named like none, gets the schema's errors.
 */
function misspeltEntry(
  chain: ExtendsChain,
  format: Format<z.ZodMiniType>,
  issues: readonly z.core.$ZodIssue[]
): CycleSyncError | undefined {
  const [own, ...parents] = chain.inputs;
  if (!own || parents.length === 0) return undefined;
  const { key: top, word, needs } = format.entries;
  const inherited = [...new Set(parents.flatMap(p => entriesOf(p.data, top)))];
  const added = new Set(entriesOf(own.data, top).filter(k => !inherited.includes(k)));
  for (const issue of issues) {
    const [first, key] = issue.path;
    if (first !== top || typeof key !== 'string' || !added.has(key) || !isMissingField(issue, chain.data)) continue;
    const guess = didYouMean(key, inherited);
    if (guess === undefined) continue;
    return new CycleSyncError({
      code: 'SCHEMA',
      message: `unknown ${word} "${key}"`,
      at: own.locate([top, key]) ?? { file: own.file },
      path: `${top}.${key}`,
      hint: `did you mean "${guess}"? (a new ${word} needs ${needs})`,
    });
  }
  return undefined;
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
  const misspelt = misspeltEntry(chain, format, parsed.error.issues);
  if (misspelt) throw misspelt;
  const file = chain.inputs[0]?.file ?? abs;
  const place = { locate: chainLocator(chain), pathOf: (p: readonly (string | number)[]) => writtenPath(chain, p) };
  throw schemaError(file, parsed.error.issues, place, knownKeys, chain.data, format.docs);
}
