// Turns zod issues into one CycleSyncError that names the file, line, field path, what was expected and a hint.
import type * as z from '../schema/zod.js';
import { closestKnown } from '../core/did-you-mean.js';
import { CycleSyncError, formatLocation } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import { zoneInOtherCase, zoneNames } from '../schema/time-zone.js';

export type Locator = (path: readonly (string | number)[]) => SourceLocation | undefined;

// Keys and zone names are short and many: allow fewer edits for short words than for ids.
export const didYouMean = (word: string, candidates: readonly string[]): string | undefined =>
  closestKnown(word, candidates, Math.max(2, Math.floor(word.length / 4)));

const valueAt = (data: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (node, seg) =>
      typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[seg] : undefined,
    data
  );

function describe(
  issue: z.core.$ZodIssue,
  knownKeys: readonly string[],
  data: unknown,
  docs: string
): { message: string; expected?: string; hint?: string; path: (string | number)[] } {
  const path = issue.path.map(p => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const guess = didYouMean(key, knownKeys);
    return {
      path: [...path, key],
      message: `unknown key "${key}"`,
      hint: guess
        ? `did you mean "${guess}"?`
        : 'remove it: the calendar format accepts only the keys its schema lists',
    };
  }
  if (issue.code === 'invalid_type' && valueAt(data, path) === undefined)
    return {
      path,
      message: `missing required field "${String(path.at(-1) ?? '')}"`,
      expected: issue.expected,
      hint: `add it (see ${docs})`,
    };
  const last = String(path.at(-1) ?? '');
  if (last === 'zone' && issue.code === 'custom') {
    const value = valueAt(data, path);
    // The same name in other capitals first (names are case-sensitive), else the nearest name.
    const guess =
      typeof value === 'string' ? (zoneInOtherCase(value) ?? didYouMean(value, [...zoneNames()])) : undefined;
    return {
      path,
      message: `unknown time zone ${JSON.stringify(value)}`,
      expected: 'an IANA time-zone name, written with its capitals (they matter)',
      hint: guess ? `did you mean "${guess}"?` : 'see the IANA tz database names',
    };
  }
  const expected = 'expected' in issue && typeof issue.expected === 'string' ? issue.expected : undefined;
  return { path, message: issue.message, ...(expected ? { expected } : {}), hint: `see ${docs}` };
}

export function schemaError(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  locate: Locator,
  knownKeys: readonly string[],
  data: unknown,
  /** Where the format is documented, for the hint. */
  docs = 'README › Calendar format'
): CycleSyncError {
  // One problem per field: a value failing both a pattern and a refinement is one mistake.
  const seen = new Set<string>();
  const described = issues
    .map(i => describe(i, knownKeys, data, docs))
    .filter(d => {
      const key = d.path.join('.');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const [first, ...rest] = described;
  const where = (d: { path: (string | number)[] }): SourceLocation => locate(d.path) ?? { file };
  return new CycleSyncError({
    code: 'SCHEMA',
    message: first?.message ?? 'invalid calendar',
    at: first ? where(first) : { file },
    path: first?.path.join('.') ?? '',
    ...(first?.expected ? { expected: first.expected } : {}),
    ...(first?.hint ? { hint: first.hint } : {}),
    more: rest.slice(0, 5).map(d => `${formatLocation(where(d))}: ${d.path.join('.')}: ${d.message}`),
  });
}
