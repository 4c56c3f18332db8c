// Date → x on the time axis, with fixed number formatting so that the SVG is byte-identical everywhere.
import type { Temporal } from 'temporal-polyfill';
import { epochDay } from '../../core/dates/days.js';

export interface TimeScale {
  x(d: Temporal.PlainDate): number;
  /** x of the day after `d`: where an inclusive window ending on `d` stops. */
  xEnd(d: Temporal.PlainDate): number;
  /** x of the middle of day `d`: where a point mark (or today's line) is drawn. */
  xMid(d: Temporal.PlainDate): number;
  left: number;
  right: number;
}

const dayNumber = epochDay;

export function timeScale(from: Temporal.PlainDate, to: Temporal.PlainDate, left: number, right: number): TimeScale {
  const d0 = dayNumber(from);
  const span = Math.max(1, dayNumber(to) + 1 - d0);
  const at = (n: number): number => left + ((n - d0) / span) * (right - left);
  const xMid = (d: Temporal.PlainDate): number => {
    const x0 = at(dayNumber(d));
    return x0 + (at(dayNumber(d) + 1) - x0) / 2;
  };
  return { x: d => at(dayNumber(d)), xEnd: d => at(dayNumber(d) + 1), xMid, left, right };
}

/** One decimal, no `-0`, no exponent: the only way numbers enter the SVG. */
export const num = (n: number): string => {
  const s = (Math.round(n * 10) / 10).toFixed(1).replace(/\.0$/, '');
  return s === '-0' ? '0' : s;
};

/** Year labels every `step` years, step chosen so that at most ~16 labels fit. */
export function yearStep(years: number): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50]) if (years / step <= 16) return step;
  return 100;
}
