import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  ALL,
  NONE,
  atLeast,
  atMost,
  closestToZero,
  contains,
  intersect,
  range,
  subtract,
  union,
} from '../../../src/core/alignment/interval-set.js';
import type { IntervalSet } from '../../../src/core/alignment/interval-set.js';

describe('interval sets of whole-day shifts', () => {
  test('merge adjacent and overlapping intervals', () => {
    expect(union(range(1, 3), range(4, 6), range(10, 12), range(11, 20))).toEqual([
      [1, 6],
      [10, 20],
    ]);
  });

  test('intersect and subtract', () => {
    expect(intersect(atLeast(-5), atMost(7), union(range(-10, -6), range(0, 100)))).toEqual([[0, 7]]);
    expect(intersect(range(0, 1), range(5, 6))).toEqual(NONE);
    expect(subtract(range(0, 10), 3, 5)).toEqual([
      [0, 2],
      [6, 10],
    ]);
  });

  test('the member closest to zero, a delay on a tie', () => {
    expect(closestToZero(ALL)).toBe(0);
    expect(closestToZero(union(range(-30, -5), range(5, 40)))).toBe(5);
    expect(closestToZero(union(range(-30, -4), range(5, 40)))).toBe(-4);
    expect(closestToZero(atMost(-28))).toBe(-28);
    expect(closestToZero(NONE)).toBeUndefined();
  });

  const aSet = fc
    .array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 20 })), { maxLength: 5 })
    .map(list => union(...list.map(([lo, len]) => range(lo, lo + len))));
  const members = (set: IntervalSet) => Array.from({ length: 141 }, (_, i) => i - 70).filter(s => contains(set, s));

  test('set operations agree with membership, day by day', () => {
    fc.assert(
      fc.property(aSet, aSet, (a, b) => {
        const inA = new Set(members(a));
        const inB = new Set(members(b));
        expect(members(intersect(a, b))).toEqual(members(a).filter(s => inB.has(s)));
        expect(members(union(a, b))).toEqual(
          Array.from({ length: 141 }, (_, i) => i - 70).filter(s => inA.has(s) || inB.has(s))
        );
        const c = closestToZero(a);
        if (c === undefined) expect(members(a)).toEqual([]);
        else expect(members(a).every(s => Math.abs(s) >= Math.abs(c))).toBe(true);
      })
    );
  });
});
