// Placing a label: beside its point when that is free, the nearest free spot otherwise, always inside its area,
// and the least covering spot when nothing is free. Also the width estimate it relies on.
import { describe, expect, test } from '@jest/globals';
import { boxesOverlap, placeLabel } from '../../../src/render/timeline/place-label.js';
import type { Box } from '../../../src/render/timeline/place-label.js';
import { textWidth } from '../../../src/render/timeline/text-width.js';

const area: Box = { x0: 100, y0: 0, x1: 500, y1: 200 };
const request = { x: 300, y: 100, width: 80, height: 12, gap: 10, within: area, step: 6.5 };
const inside = (b: Box): boolean => b.x0 >= area.x0 && b.x1 <= area.x1 && b.y0 >= area.y0 && b.y1 <= area.y1;

describe('placeLabel', () => {
  test('centres the label on its point when nothing is in the way', () => {
    expect(placeLabel(request, [])).toEqual({ x0: 260, y0: 94, x1: 340, y1: 106 });
  });

  test('steps aside from a mark under its point, and stays beside it', () => {
    const mark = { x0: 295, y0: 95, x1: 305, y1: 105 };
    const box = placeLabel(request, [mark]);
    expect(boxesOverlap(box, mark)).toBe(false);
    expect(box).toEqual({ x0: 310, y0: 94, x1: 390, y1: 106 });
  });

  test('moves up or down, a half track at a time, when both sides of the row are taken', () => {
    const row = { x0: 100, y0: 95, x1: 500, y1: 105 };
    const box = placeLabel(request, [row]);
    expect(boxesOverlap(box, row)).toBe(false);
    expect(Math.abs((box.y0 + box.y1) / 2 - 100)).toBe(6.5 * 2);
  });

  test('never leaves its area: a point at the right edge puts the label to its left', () => {
    const box = placeLabel({ ...request, x: 495 }, [{ x0: 455, y0: 90, x1: 500, y1: 110 }]);
    expect(inside(box)).toBe(true);
    expect(box.x1).toBeLessThanOrEqual(area.x1);
  });

  test('when every spot is taken, takes the one that covers least, still inside its area', () => {
    const box = placeLabel(request, [area, { x0: 300, y0: 90, x1: 500, y1: 110 }]);
    expect(inside(box)).toBe(true);
  });
});

describe('textWidth', () => {
  test('is wider for wide letters, bold and accents count as their base letter', () => {
    expect(textWidth('mmmm', 10)).toBeGreaterThan(textWidth('iiii', 10) * 2);
    expect(textWidth('Revisão', 10)).toBe(textWidth('Revisao', 10));
    expect(textWidth('abc', 10, true)).toBeGreaterThan(textWidth('abc', 10));
  });
});
