import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';

export const d = (iso: string): Temporal.PlainDate => Temporal.PlainDate.from(iso);
export const iso = (date: Temporal.PlainDate | undefined): string | undefined => date?.toString();

/** Any real date of the years `min`…`max` for property tests (a day past the month's end is its last day). */
export const plainDates = (min: number, max: number): fc.Arbitrary<Temporal.PlainDate> =>
  fc
    .record({
      year: fc.integer({ min, max }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(r => Temporal.PlainDate.from(r, { overflow: 'constrain' }));
