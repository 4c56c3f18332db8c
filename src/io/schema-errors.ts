// Turns zod issues into one CycleSyncError that names the file, line, field path, what was expected and a hint.
import type * as z from '../schema/zod.js';
import { closestKnown } from '../core/did-you-mean.js';
import { CycleSyncError, formatLocation } from '../errors.js';
import { describeControl, firstControl } from '../plain-text.js';
import type { SourceLocation } from '../errors.js';
import { zoneInOtherCase, zoneNames } from '../schema/time-zone.js';

export type Locator = (path: readonly (string | number)[]) => SourceLocation | undefined;

// Keys and zone names are short and many: allow fewer edits for short words than for ids.
export const didYouMean = (word: string, candidates: readonly string[]): string | undefined =>
  closestKnown(word, candidates, Math.max(2, Math.floor(word.length / 4)));

/** The value at a path of the data (a symbol segment, which zod never gives for these formats, finds nothing). */
export const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, seg) =>
      typeof node === 'object' && node !== null && typeof seg !== 'symbol'
        ? (node as Record<string | number, unknown>)[seg]
        : undefined,
    data
  );

interface Described {
  message: string;
  expected?: string;
  hint?: string;
  path: (string | number)[];
}

/**
 * The values a field may take when the schema lists them: an enum or a literal (`roll`, `weekday`, `basis`,
 * `confidence`, `severity`, a milestone's `kind`), or the tags of a discriminated union (a rule's `kind`).
 */
function listedValues(issue: z.core.$ZodIssue): string[] | undefined {
  if (issue.code === 'invalid_value') return issue.values.map(String);
  if (issue.code === 'invalid_union' && 'options' in issue && issue.options?.length) return issue.options.map(String);
  return undefined;
}

const oneOf = (listed: readonly string[]): string => `one of ${listed.map(v => JSON.stringify(v)).join(', ')}`;

/** What zod says it expected (a type name), when it says. */
const zodExpected = (issue: z.core.$ZodIssue): string | undefined =>
  'expected' in issue && typeof issue.expected === 'string' ? issue.expected : undefined;

/** The listed value a mistyped one was meant to be: the same in other capitals (`h` → `H`), else the nearest. */
function guessListed(value: unknown, listed: readonly string[]): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  return listed.find(v => v.toLowerCase() === text.toLowerCase()) ?? didYouMean(text, listed);
}

/** `4`, `'4'`, `4Y`, `p4y` for a period: the whole years it was meant to say, or undefined. */
function periodMeant(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  const m = typeof value === 'string' && !/^\+?P\d+Y$/.test(value) ? /^\+?p?(\d+) ?y?$/i.exec(value.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

function describeValue(issue: z.core.$ZodIssue, path: (string | number)[], value: unknown, docs: string): Described {
  const control = typeof value === 'string' ? firstControl(value) : undefined;
  if (control)
    return {
      path,
      message: `the text holds ${describeControl(control.char)} at character ${control.position}`,
      expected: 'plain text: no control character but tab, and no bidirectional override',
      hint:
        control.char === '\n'
          ? 'write it as one line: a YAML block written `>-` folds its lines into one and ends without a line break'
          : 'remove it: this text is shown in terminals, CI logs, feeds and reports, where it would act instead of showing',
    };
  const last = String(path.at(-1) ?? '');
  const listed = listedValues(issue);
  if (listed) {
    const guess = guessListed(value, listed);
    return {
      path,
      message: `unknown ${last} ${JSON.stringify(value)}`,
      expected: oneOf(listed),
      hint: guess ? `did you mean "${guess}"?` : `see ${docs}`,
    };
  }
  const years = last === 'period' ? periodMeant(value) : undefined;
  if (years !== undefined)
    return {
      path,
      message: `expected a period in whole years, e.g. "P4Y"`,
      expected: 'an ISO 8601 duration of whole years: P, the number of years, Y',
      hint: `did you mean "P${years}Y"?`,
    };
  if (last === 'zone' && issue.code === 'custom') {
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
  const expected = zodExpected(issue);
  return { path, message: issue.message, ...(expected ? { expected } : {}), hint: `see ${docs}` };
}

/** True when the issue is a required field the data does not have (a value of the wrong type is another issue). */
export const isMissingField = (issue: z.core.$ZodIssue, data: unknown): boolean =>
  (issue.code === 'invalid_type' || listedValues(issue) !== undefined) && valueAt(data, issue.path) === undefined;

function describe(issue: z.core.$ZodIssue, knownKeys: readonly string[], data: unknown, docs: string): Described {
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
  if (isMissingField(issue, data)) {
    const listed = listedValues(issue);
    const expected = listed ? oneOf(listed) : zodExpected(issue);
    return {
      path,
      message: `missing required field "${String(path.at(-1) ?? '')}"`,
      ...(expected ? { expected } : {}),
      hint: `add it (see ${docs})`,
    };
  }
  return describeValue(issue, path, valueAt(data, path), docs);
}

/** Where a path of the validated data was written: its line, and the path as that file writes it. */
export interface Place {
  locate: Locator;
  pathOf: (path: readonly (string | number)[]) => string;
}

export function schemaError(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  place: Place,
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
  const where = (d: { path: (string | number)[] }): SourceLocation => place.locate(d.path) ?? { file };
  return new CycleSyncError({
    code: 'SCHEMA',
    message: first?.message ?? 'invalid calendar',
    at: first ? where(first) : { file },
    path: first ? place.pathOf(first.path) : '',
    ...(first?.expected ? { expected: first.expected } : {}),
    ...(first?.hint ? { hint: first.hint } : {}),
    more: rest.slice(0, 5).map(d => `${formatLocation(where(d))}: ${place.pathOf(d.path)}: ${d.message}`),
  });
}
