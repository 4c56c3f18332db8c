// Where a label goes: the free spot nearest its point, off every mark and label already placed and inside the
// area it may use. Candidates (beside the point, centred on it, further along the axis, a half track up or
// down at a time) are tried nearest first, so a label stays by what it labels whenever there is room there.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

export const boxesOverlap = (a: Box, b: Box): boolean => overlap(a, b) > 0;

export interface LabelRequest {
  /** The point labelled. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Room kept between the point and the label beside it. */
  gap: number;
  /** The label must lie inside this box. */
  within: Box;
  /** Vertical step between candidate rows (a track's height, halved). */
  step: number;
}

/**
 * The box for a label: the first candidate inside `within` that touches no obstacle; when every candidate
 * touches one, the one that covers the least of them (a dense picture degrades, it does not drop the label).
 */
export function placeLabel(req: LabelRequest, obstacles: readonly Box[]): Box {
  const { x, y, width: w, height: h, gap, within, step } = req;
  const fits = (b: Box): boolean => b.x0 >= within.x0 && b.x1 <= within.x1 && b.y0 >= within.y0 && b.y1 <= within.y1;
  const candidates: { box: Box; distance: number }[] = [];
  for (let row = -12; row <= 12; row++) {
    const cy = y + row * step;
    const lefts = [x + gap, x - gap - w, x - w / 2];
    for (let along = 1; along <= 10; along++) lefts.push(x + gap + along * 24, x - gap - w - along * 24);
    for (const left of lefts) {
      const box = { x0: left, y0: cy - h / 2, x1: left + w, y1: cy + h / 2 };
      if (!fits(box)) continue;
      // How far the label strays from its point: along the axis to its nearer end, and across.
      const across = Math.abs(row * step);
      const along = x < box.x0 ? box.x0 - x : x > box.x1 ? x - box.x1 : 0;
      candidates.push({ box, distance: along + across * 1.5 });
    }
  }
  // Stable: equally near candidates keep the order above (right of the point first).
  candidates.sort((a, b) => a.distance - b.distance);
  let best: { box: Box; cost: number } | undefined;
  for (const { box } of candidates) {
    const cost = obstacles.reduce((sum, o) => sum + overlap(box, o), 0);
    if (cost === 0) return box;
    if (!best || cost < best.cost) best = { box, cost };
  }
  // Nothing fits inside `within` at all (a label wider than the picture): keep it in the box as far as it goes.
  return best?.box ?? { x0: within.x0, y0: y - h / 2, x1: within.x0 + w, y1: y + h / 2 };
}
