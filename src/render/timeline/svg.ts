// The timeline picture: one lane per region (EU, Latin America, joint), one track per milestone, years along
// the axis. Shape and fill carry the status (filled = actual, diamond = planned, hollow/dashed = projected) so
// that colour is never the only cue; colours are Okabe–Ito (safe for the common colour-vision deficiencies).
// Output is deterministic: fixed ids, numbers through `num`, no clock, no randomness.
import { Temporal } from 'temporal-polyfill';
import type { TimelineConnector, TimelineInput, TimelineLane, TimelineMark } from './types.js';
import { num, timeScale, yearStep } from './scale.js';
import type { TimeScale } from './scale.js';
import { escapeXml } from '../escape.js';

const WIDTH = 720;
const PLOT_LEFT = 150;
const PLOT_RIGHT = WIDTH - 12;
const AXIS_TOP = 34;
const LANE_HEADER = 18;
const TRACK = 13;
const LANE_GAP = 6;
const LEGEND_ROW = 18;

/** Okabe–Ito: blue, bluish green, reddish purple, then orange and sky blue for any further region. */
const LANE_COLOURS = ['#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const VIOLATION_COLOUR = '#D55E00';
const INK = '#1a1a1a';
const MUTED = '#595959';

interface Placed {
  lane: TimelineLane;
  colour: string;
  top: number;
  height: number;
  trackY: Map<string, number>;
}

function placeLanes(lanes: readonly TimelineLane[]): { placed: Placed[]; bottom: number } {
  let y = AXIS_TOP + 4;
  const placed = lanes.map((lane, i) => {
    const top = y;
    const trackY = new Map<string, number>();
    lane.tracks.forEach((t, j) => trackY.set(t.key, top + LANE_HEADER + j * TRACK + TRACK / 2));
    const height = LANE_HEADER + lane.tracks.length * TRACK + 4;
    y += height + LANE_GAP;
    return { lane, colour: LANE_COLOURS[i % LANE_COLOURS.length]!, top, height, trackY };
  });
  return { placed, bottom: y - LANE_GAP };
}

function markSvg(m: TimelineMark, cy: number, colour: string, s: TimeScale): string {
  const cls = `mark ${m.kind} ${m.status}`;
  const data = `data-id="${escapeXml(m.id)}" data-instance="${escapeXml(m.instance)}" data-start="${m.start.toString()}"`;
  const title = `<title>${escapeXml(m.label)}</title>`;
  const clamp = (x: number): number => Math.min(s.right, Math.max(s.left, x));
  if (m.kind === 'window') {
    const x0 = clamp(s.x(m.start));
    const w = Math.max(2, clamp(s.xEnd(m.end)) - x0);
    const look =
      m.status === 'actual'
        ? `fill="${colour}" stroke="${colour}"`
        : m.status === 'planned'
          ? `fill="${colour}" fill-opacity="0.55" stroke="${colour}"`
          : `fill="${colour}" fill-opacity="0.12" stroke="${colour}" stroke-dasharray="3 2"`;
    return `<rect class="${cls}" ${data} x="${num(x0)}" y="${num(cy - 4)}" width="${num(w)}" height="8" ${look}>${title}</rect>`;
  }
  const cx = clamp(s.xMid(m.start));
  if (m.status === 'planned') {
    const d = `M${num(cx)} ${num(cy - 5)}L${num(cx + 5)} ${num(cy)}L${num(cx)} ${num(cy + 5)}L${num(cx - 5)} ${num(cy)}Z`;
    return `<path class="${cls}" ${data} d="${d}" fill="${colour}" stroke="${colour}">${title}</path>`;
  }
  const look =
    m.status === 'actual' ? `fill="${colour}" stroke="${colour}"` : `fill="#fff" stroke="${colour}" stroke-width="1.5"`;
  return `<circle class="${cls}" ${data} cx="${num(cx)}" cy="${num(cy)}" r="3.8" ${look}>${title}</circle>`;
}

function laneSvg(p: Placed, s: TimeScale): string {
  const out: string[] = [];
  out.push(`<g class="lane" data-lane="${escapeXml(p.lane.id)}">`);
  out.push(`<title>${escapeXml(p.lane.label)}</title>`);
  out.push(
    `<rect class="lane-bar" x="2" y="${num(p.top)}" width="4" height="${num(p.height)}" fill="${p.colour}"/>`,
    `<text class="lane-label" x="10" y="${num(p.top + 12)}" font-size="11" font-weight="bold" fill="${INK}">${escapeXml(p.lane.label)}</text>`,
    `<line x1="10" x2="${PLOT_RIGHT}" y1="${num(p.top + LANE_HEADER - 2)}" y2="${num(p.top + LANE_HEADER - 2)}" stroke="#bbb" stroke-width="0.5"/>`
  );
  for (const track of p.lane.tracks) {
    const cy = p.trackY.get(track.key)!;
    out.push(
      `<text class="track-label" x="${PLOT_LEFT - 6}" y="${num(cy + 3.2)}" font-size="9.5" text-anchor="end" fill="${MUTED}">${escapeXml(track.label)}</text>`
    );
    for (const m of track.marks) out.push(markSvg(m, cy, p.colour, s));
  }
  out.push('</g>');
  return out.join('\n');
}

function axisSvg(input: TimelineInput, s: TimeScale, bottom: number): string {
  const out: string[] = ['<g class="axis">'];
  input.bands.forEach((b, i) => {
    const x0 = Math.max(s.left, s.x(b.from));
    const x1 = Math.min(s.right, s.xEnd(b.to));
    if (x1 <= x0) return;
    if (i % 2 === 0)
      out.push(
        `<rect class="band" x="${num(x0)}" y="${AXIS_TOP}" width="${num(x1 - x0)}" height="${num(bottom - AXIS_TOP)}" fill="#f0f0f0"/>`
      );
    out.push(
      `<text class="band-label" x="${num((x0 + x1) / 2)}" y="${AXIS_TOP - 4}" font-size="9" text-anchor="middle" fill="${MUTED}">${escapeXml(b.label)}</text>`
    );
  });
  const first = input.from.year;
  const last = input.to.year;
  const step = yearStep(last - first + 1);
  for (let y = first; y <= last + 1; y++) {
    const x = s.x(new Temporal.PlainDate(y, 1, 1));
    if (x < s.left - 0.01 || x > s.right + 0.01) continue;
    out.push(
      `<line x1="${num(x)}" x2="${num(x)}" y1="${AXIS_TOP - 2}" y2="${num(bottom)}" stroke="#c8c8c8" stroke-width="${y % step === 0 ? 0.8 : 0.4}"/>`
    );
  }
  for (let y = first; y <= last; y++) {
    if (y % step !== 0) continue;
    const mid =
      step === 1
        ? (Math.max(s.left, s.x(new Temporal.PlainDate(y, 1, 1))) +
            Math.min(s.right, s.xEnd(new Temporal.PlainDate(y, 12, 31)))) /
          2
        : s.x(new Temporal.PlainDate(y, 1, 1));
    if (mid < s.left || mid > s.right) continue;
    out.push(`<text class="year" x="${num(mid)}" y="14" font-size="10" text-anchor="middle" fill="${INK}">${y}</text>`);
  }
  out.push('</g>');
  return out.join('\n');
}

function endPoint(
  end: TimelineConnector['from'],
  placed: readonly Placed[],
  s: TimeScale
): { x: number; y: number } | undefined {
  for (const p of placed)
    for (const t of p.lane.tracks) {
      const m = t.marks.find(k => k.id === end.id && k.instance === end.instance && k.start.equals(end.start));
      if (m) return { x: s.xMid(m.start), y: p.trackY.get(t.key)! };
    }
  return undefined;
}

/** Rough width of bold 10.5px text: enough to keep two gap labels from overprinting each other. */
const labelWidth = (text: string): number => text.length * 6.4;

interface Box {
  x0: number;
  x1: number;
  y: number;
}

function connectorSvg(c: TimelineConnector, placed: readonly Placed[], s: TimeScale, taken: Box[]): string | undefined {
  const a = endPoint(c.from, placed, s);
  const b = endPoint(c.to, placed, s);
  if (!a || !b) return undefined;
  const single = a.x === b.x && a.y === b.y;
  const mx = (a.x + b.x) / 2;
  let my = (a.y + b.y) / 2;
  const anchor = single
    ? mx > PLOT_RIGHT - 120
      ? 'end'
      : 'start'
    : mx > PLOT_RIGHT - 80
      ? 'end'
      : mx < PLOT_LEFT + 80
        ? 'start'
        : 'middle';
  const pad = single ? 10 : 8;
  const w = labelWidth(c.label);
  const x0 = anchor === 'start' ? mx + pad : anchor === 'end' ? mx - pad - w : mx - w / 2;
  // Step down past any label already placed on the same lines.
  while (taken.some(t => t.x0 < x0 + w && x0 < t.x1 && Math.abs(t.y - my) < 14)) my += 14;
  taken.push({ x0, x1: x0 + w, y: my });
  const ring = (p: { x: number; y: number }): string =>
    `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="6.5" fill="none" stroke="${VIOLATION_COLOUR}" stroke-width="2"/>`;
  return [
    `<g class="violation" data-rule="${escapeXml(c.rule)}" data-instance="${escapeXml(c.instance)}">`,
    `<title>${escapeXml(c.title)}</title>`,
    ...(single
      ? [ring(a)]
      : [
          `<line x1="${num(a.x)}" y1="${num(a.y)}" x2="${num(b.x)}" y2="${num(b.y)}" stroke="${VIOLATION_COLOUR}" stroke-width="2.2"/>`,
          ring(a),
          ring(b),
        ]),
    `<text class="gap-label" x="${num(mx + (anchor === 'middle' ? 0 : anchor === 'start' ? pad : -pad))}" y="${num(my + 4)}" font-size="10.5" font-weight="bold" text-anchor="${anchor}" fill="${VIOLATION_COLOUR}" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeXml(c.label)}</text>`,
    '</g>',
  ].join('\n');
}

function todaySvg(input: TimelineInput, s: TimeScale, bottom: number): string {
  if (Temporal.PlainDate.compare(input.today, input.from) < 0 || Temporal.PlainDate.compare(input.today, input.to) > 0)
    return '';
  const x = s.xMid(input.today);
  const anchor = x > PLOT_RIGHT - 90 ? 'end' : 'start';
  return [
    '<g class="today">',
    `<line x1="${num(x)}" x2="${num(x)}" y1="${AXIS_TOP - 2}" y2="${num(bottom + 2)}" stroke="${INK}" stroke-width="1.4" stroke-dasharray="5 3"/>`,
    `<text x="${num(x + (anchor === 'start' ? 3 : -3))}" y="${num(bottom + 13)}" font-size="10" font-weight="bold" text-anchor="${anchor}" fill="${INK}">${escapeXml(input.text.today)}</text>`,
    '</g>',
  ].join('\n');
}

function legendSvg(input: TimelineInput, top: number): string {
  const t = input.text;
  const c = LANE_COLOURS[0]!;
  const items: [string, string][] = [
    [`<circle cx="6" cy="0" r="3.8" fill="${c}" stroke="${c}"/>`, t.legendActual],
    [`<path d="M6 -5L11 0L6 5L1 0Z" fill="${c}" stroke="${c}"/>`, t.legendPlanned],
    [`<circle cx="6" cy="0" r="3.8" fill="#fff" stroke="${c}" stroke-width="1.5"/>`, t.legendProjected],
    [`<rect x="0" y="-4" width="16" height="8" fill="${c}" stroke="${c}"/>`, t.legendWindowActual],
    [
      `<rect x="0" y="-4" width="16" height="8" fill="${c}" fill-opacity="0.12" stroke="${c}" stroke-dasharray="3 2"/>`,
      t.legendWindowProjected,
    ],
    [
      `<line x1="0" y1="0" x2="16" y2="0" stroke="${VIOLATION_COLOUR}" stroke-width="2.2"/><circle cx="16" cy="0" r="4.5" fill="none" stroke="${VIOLATION_COLOUR}" stroke-width="2"/>`,
      t.legendViolation,
    ],
  ];
  // Two rows of three: each item gets a third of the width, so long Spanish/Portuguese labels still fit.
  const col = (WIDTH - 20) / 3;
  const out = ['<g class="legend" font-size="10" fill="#1a1a1a">'];
  items.forEach(([symbol, label], i) => {
    const x = 10 + (i % 3) * col;
    const y = top + Math.floor(i / 3) * LEGEND_ROW;
    out.push(
      `<g transform="translate(${num(x)} ${num(y)})">${symbol}<text x="24" y="3.5">${escapeXml(label)}</text></g>`
    );
  });
  out.push('</g>');
  return out.join('\n');
}

/** The whole picture as a standalone SVG document fragment (no XML declaration: it is also inlined in HTML). */
export function renderTimelineSvg(input: TimelineInput): string {
  const s = timeScale(input.from, input.to, PLOT_LEFT, PLOT_RIGHT);
  const { placed, bottom } = placeLanes(input.lanes);
  const legendTop = bottom + 34;
  const height = legendTop + 2 * LEGEND_ROW;
  const taken: Box[] = [];
  const connectors = input.connectors
    .map(c => connectorSvg(c, placed, s, taken))
    .filter((x): x is string => Boolean(x));
  return (
    [
      `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${WIDTH} ${num(height)}" width="${WIDTH}" height="${num(height)}" role="img" aria-labelledby="cs-timeline-title cs-timeline-desc" lang="${escapeXml(input.lang)}" font-family="DejaVu Sans, Verdana, Arial, sans-serif">`,
      `<title id="cs-timeline-title">${escapeXml(input.text.title)}</title>`,
      `<desc id="cs-timeline-desc">${escapeXml(input.text.desc)}</desc>`,
      `<rect width="${WIDTH}" height="${num(height)}" fill="#fff"/>`,
      axisSvg(input, s, bottom),
      ...placed.map(p => laneSvg(p, s)),
      ...connectors,
      todaySvg(input, s, bottom),
      legendSvg(input, legendTop),
      '</svg>',
    ]
      .filter(Boolean)
      .join('\n') + '\n'
  );
}
