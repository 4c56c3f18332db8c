// The calendar reader, fuzzed: random bytes, YAML token soup biased towards the calendar format, and the
// built-in IDEAL calendar with lines mutated (values at the extremes, lines deleted, repeated, re-indented).
// Whatever the file, `validate`, `plan` and `check` either succeed or fail with a CycleSyncError of exit 2:
// never another error (exit 3, "a bug"), a hang or unbounded memory. Runs are bounded; rerun a failure with
// its printed seed.
import { afterAll, describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { runCheck } from '../../src/app/check.js';
import { plan } from '../../src/app/plan.js';
import { validate } from '../../src/app/validate.js';
import { CycleSyncError } from '../../src/errors.js';
import { knownCalendarKeys } from '../../src/schema/calendar.schema.js';
import { ROOT } from '../helpers/run-cli.js';

jest.setTimeout(120_000);
const dir = mkdtempSync(path.join(tmpdir(), 'cyclesync-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILE = path.join(dir, 'calendar.yaml');
const ctx = { cwd: dir, today: Temporal.PlainDate.from('2026-11-29') };
/** Heap a run may grow to: a 1 MiB file must never cost more (an alias bomb, a huge expansion would). */
const HEAP_BOUND = 768 * 1024 * 1024;

/** Runs every command that reads a calendar on `bytes`: each must succeed or be a usage error (exit 2). */
async function expectExit0Or2(bytes: Uint8Array): Promise<void> {
  writeFileSync(FILE, bytes);
  const calendars = [FILE];
  for (const run of [
    () => validate(ctx, { calendars }),
    () =>
      plan(ctx, { calendars, cycles: [], from: undefined, to: undefined, format: 'json', lang: 'en', color: false }),
    () => runCheck(ctx, { calendars }),
  ]) {
    try {
      await run();
    } catch (e) {
      if (!(e instanceof CycleSyncError) || e.exitCode !== 2)
        throw new Error(`not a usage error (exit 3) on:\n${Buffer.from(bytes).toString('utf8').slice(0, 2000)}`, {
          cause: e,
        });
    }
  }
  expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_BOUND);
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Values at the edges of what the format takes, and beyond. */
const EXTREMES = [
  'P300000Y',
  '-P300000Y',
  '+P1000000D',
  'P4294967295Y',
  'P99999999999999999999Y',
  'P0Y',
  'P0D',
  'P200Y',
  '-P200Y',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '2026-02-30',
  '2026-13',
  '99999',
  '-99999',
  '1e308',
  '.nan',
  '~',
  '[]',
  '{}',
  '""',
  "'\u0000'",
  '"\\u001b[2J"',
  '*anchor',
  '&anchor x',
  '!!binary AAAA',
  'america/panama',
  'Asia/Calcutta',
  'US/Eastern',
  'publication',
  'publication.end',
  'origin',
  'yearly',
  'window',
  '-1',
  '5',
  '02-29',
  '12-31',
  'builtin:ideal',
  './calendar.yaml',
  '/dev/zero',
  '/proc/self/mem',
];

describe('the calendar reader never fails with exit 3', () => {
  test('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), bytes => expectExit0Or2(bytes)),
      { numRuns: 50 }
    );
  });

  const token = fc.oneof(
    fc.constantFrom(...knownCalendarKeys, 'extends', '__proto__', 'constructor'),
    fc.constantFrom(': ', ':', '\n', '\n  ', '\n    ', '- ', '{', '}', '[', ']', ', ', '#', '&a ', '*a', '? ', '|\n'),
    fc.constantFrom(...EXTREMES),
    fc.string({ maxLength: 8 })
  );
  test('YAML token soup in the calendar format’s words', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 120 }), tokens => expectExit0Or2(utf8(tokens.join('')))),
      { numRuns: 80 }
    );
  });

  // A whole calendar from a template: each slot holds a plausible value, or now and then one at the edge of its
  // kind (a duration, a date, a year), so that most calendars get past validation to the dates computed.
  const DURATIONS = ['P300000Y', '-P300000Y', '+P1000000D', '-P1000000D', 'P4294967295Y', 'P200Y', '-P200Y', 'P0D'];
  const DATES = ['0000-01-01', '0001-01-01', '9999-12-31', '2026-02-30', '9999-12'];
  const slot = (plausible: readonly string[], edge: readonly string[] = EXTREMES) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...plausible) },
      { weight: 1, arbitrary: fc.constantFrom(...edge) }
    );
  const rule = (earlier: readonly string[]) =>
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom('origin', ...earlier, ...earlier.map(k => `${k}.end`)),
          slot(['P70D', '-P2Y', 'P3M', 'P2W'], DURATIONS),
          fc.constantFrom('next', 'previous')
        )
        .map(([from, offset, roll]) => `{ from: ${from}, offset: ${offset}, roll: ${roll} }`),
      fc
        .tuple(fc.constantFrom('06-30', '02-29', '01-01'), slot(['0', '-1'], ['10', '-10', '11']))
        .map(([on, y]) => `{ on: '${on}', year: ${y} }`),
      fc
        .tuple(fc.constantFrom('1', '3', '5', '-1'), fc.constantFrom('TU', 'SU'), fc.constantFrom('3', '12'))
        .map(([n, w, m]) => `{ nth: ${n}, weekday: ${w}, month: ${m}, year: -1, notAfter: { on: '06-30', year: 0 } }`)
    );
  const milestone = (key: string, earlier: readonly string[]) =>
    fc
      .tuple(
        fc.constantFrom('point', 'window'),
        rule(earlier),
        rule([...earlier, key].slice(0, -1)),
        fc.option(slot(['2025-03-18', '2025-03'], DATES))
      )
      .map(([kind, start, end, date]) =>
        [
          `  ${key}:`,
          '    title: { en: T, es: T, pt: T }',
          `    kind: ${kind}`,
          ...(kind === 'window' ? [`    start: ${start}`, `    end: ${end}`] : [`    date: ${start}`]),
          '    basis: pattern',
          '    source: fuzz',
          ...(date === null ? [] : [`    history: [{ instance: 2026, date: '${date}', source: fuzz }]`]),
        ].join('\n')
      );
  const calendar = fc
    .tuple(
      slot(['P4Y', 'P2Y', 'P1Y'], ['P0Y', 'P100Y', 'P101Y', 'P4294967295Y']),
      milestone('a', []),
      milestone('b', ['a']),
      milestone('c', ['a', 'b'])
    )
    .map(([period, ...ms]) =>
      [
        'id: fuzz',
        'name: { en: Fuzz, es: Fuzz, pt: Fuzz }',
        'region: latam',
        'zone: America/Panama',
        `period: ${period}`,
        'firstYear: 2026',
        "holidays: [{ name: H, fixed: '12-24', through: '12-31' }, { name: E, easter: 1 }]",
        'milestones:',
        ...ms,
      ].join('\n')
    );
  test('calendars written from a template, each value plausible or extreme', async () => {
    await fc.assert(
      fc.asyncProperty(calendar, text => expectExit0Or2(utf8(text))),
      { numRuns: 150 }
    );
  });

  const IDEAL = readFileSync(path.join(ROOT, 'calendars/ideal.yaml'), 'utf8').split('\n');
  type Mutation =
    | { kind: 'value'; line: number; at: number; value: string }
    | { kind: 'delete'; line: number }
    | { kind: 'repeat'; line: number; times: number }
    | { kind: 'indent'; line: number; by: number };
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
      kind: fc.constant('value' as const),
      line: fc.nat(),
      at: fc.nat(),
      value: fc.constantFrom(...EXTREMES),
    }),
    fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('repeat' as const), line: fc.nat(), times: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) })
  );
  /** The line with its `at`-th value (after a `: `, up to `,`, `}` or the end, as in `{ from: a, offset: P3M }`) replaced. */
  function replaceValue(line: string, at: number, value: string): string {
    const starts = [...line.matchAll(/: /g)].map(x => x.index + 2);
    if (starts.length === 0) return line;
    const start = starts[at % starts.length]!;
    const end = line.slice(start).search(/[,}]/);
    return line.slice(0, start) + value + (end < 0 ? '' : line.slice(start + end));
  }

  /** Applies one mutation to a line of the file (the line index taken modulo its length). */
  function mutate(lines: string[], m: Mutation): string[] {
    const i = m.line % lines.length;
    const line = lines[i] ?? '';
    const out = [...lines];
    if (m.kind === 'value') out[i] = replaceValue(line, m.at, m.value);
    else if (m.kind === 'delete') out.splice(i, 1);
    else if (m.kind === 'repeat') out.splice(i, 0, ...Array<string>(m.times).fill(line));
    else out[i] = m.by >= 0 ? `${' '.repeat(m.by)}${line}` : line.slice(-m.by);
    return out;
  }
  test('the IDEAL calendar with lines mutated, whole or extending the built-in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), (mutations, extend) => {
        const lines = mutations.reduce(mutate, IDEAL);
        const text = (extend ? ['extends: builtin:ideal', ...lines.filter(l => !/^id:/.test(l))] : lines).join('\n');
        return expectExit0Or2(utf8(text));
      }),
      { numRuns: 80 }
    );
  });
});
