// The timeline picture: one lane per region (EU, Latin America, joint), one track per milestone, years along
// the axis. Shape and fill carry the status (filled = actual, diamond = planned, hollow/dashed = projected) so
// that colour is never the only cue; colours are Okabe–Ito (safe for the common colour-vision deficiencies).
// A projection's error band is a light whisker through its mark. Every label is placed from an estimate of its
// width: track labels get the room the widest needs, gap labels go where they cover no mark, and nothing runs
// past the picture's edges. Output is deterministic: fixed ids, numbers through `num`, no clock, no randomness.
import { Temporal } from 'temporal-polyfill';
import type { TimelineConnector, TimelineInput, TimelineLane, TimelineMark } from './types.js';
import { placeLabel } from './place-label.js';
import type { Box } from './place-label.js';
import { num, timeScale, yearStep } from './scale.js';
import type { TimeScale } from './scale.js';
import { textWidth } from './text-width.js';
import { escapeXml } from '../escape.js';

const WIDTH = 720;
const EDGE = 4;
const PLOT_RIGHT = WIDTH - 12;
/** The track labels' column: at least this wide, and at most this, so the plot keeps most of the width. */
const MIN_PLOT_LEFT = 150;
const MAX_PLOT_LEFT = 270;
const LANE_BAR = 8;
const AXIS_TOP = 34;
const LANE_HEADER = 18;
const TRACK = 13;
const LANE_GAP = 6;
const LEGEND_ROW = 18;
const TRACK_FONT = 9.5;
const GAP_FONT = 10.5;
const LEGEND_FONT = 10;
const TODAY_FONT = 10;

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

/** A track label that fits its column, cut with an ellipsis only past the widest column allowed. */
function fitLabel(label: string, room: number): string {
  if (textWidth(label, TRACK_FONT) <= room) return label;
  let cut = label;
  while (cut.length > 1 && textWidth(`${cut}…`, TRACK_FONT) > room) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The plot starts where the widest track label ends (within bounds), so no label runs past the left edge. */
function plotLeftFor(lanes: readonly TimelineLane[]): number {
  const widest = Math.max(0, ...lanes.flatMap(l => l.tracks.map(t => textWidth(t.label, TRACK_FONT))));
  return Math.min(MAX_PLOT_LEFT, Math.max(MIN_PLOT_LEFT, Math.ceil(LANE_BAR + widest + 8)));
}

/** The box a mark covers (with its stroke), for keeping labels off it. */
function markBox(m: TimelineMark, cy: number, s: TimeScale): Box {
  const clamp = (x: number): number => Math.min(s.right, Math.max(s.left, x));
  if (m.kind === 'window') {
    const x0 = clamp(s.x(m.start));
    return { x0: x0 - 1, y0: cy - 5, x1: x0 + Math.max(2, clamp(s.xEnd(m.end)) - x0) + 1, y1: cy + 5 };
  }
  const cx = clamp(s.xMid(m.start));
  const r = m.status === 'planned' ? 6 : 5;
  return { x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r };
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

/** A projection's error band: a light line with end caps from start − early to start + late. */
function whisker(m: TimelineMark, cy: number, colour: string, s: TimeScale): { svg: string; box: Box } | undefined {
  if (!m.band) return undefined;
  const x0 = Math.max(s.left, s.xMid(m.band.from));
  const x1 = Math.min(s.right, s.xMid(m.band.to));
  if (x1 <= x0) return undefined;
  const cap = (x: number): string => `<line x1="${num(x)}" x2="${num(x)}" y1="${num(cy - 3)}" y2="${num(cy + 3)}"/>`;
  return {
    box: { x0: x0 - 1, y0: cy - 3.5, x1: x1 + 1, y1: cy + 3.5 },
    svg: [
      `<g class="band-whisker" data-id="${escapeXml(m.id)}" data-instance="${escapeXml(m.instance)}" data-from="${m.band.from.toString()}" data-to="${m.band.to.toString()}" stroke="${colour}" stroke-opacity="0.55" stroke-width="1.2">`,
      `<title>${escapeXml(m.band.label)}</title>`,
      `<line x1="${num(x0)}" x2="${num(x1)}" y1="${num(cy)}" y2="${num(cy)}"/>`,
      cap(x0),
      cap(x1),
      '</g>',
    ].join(''),
  };
}

function laneSvg(p: Placed, s: TimeScale, obstacles: Box[]): string {
  const out: string[] = [];
  out.push(`<g class="lane" data-lane="${escapeXml(p.lane.id)}">`);
  out.push(`<title>${escapeXml(p.lane.label)}</title>`);
  const labelWidth = textWidth(p.lane.label, 11, true);
  obstacles.push({ x0: 10, y0: p.top + 2, x1: 10 + labelWidth, y1: p.top + 15 });
  out.push(
    `<rect class="lane-bar" x="2" y="${num(p.top)}" width="4" height="${num(p.height)}" fill="${p.colour}"/>`,
    `<text class="lane-label" x="10" y="${num(p.top + 12)}" font-size="11" font-weight="bold" fill="${INK}">${escapeXml(p.lane.label)}</text>`,
    `<line x1="10" x2="${PLOT_RIGHT}" y1="${num(p.top + LANE_HEADER - 2)}" y2="${num(p.top + LANE_HEADER - 2)}" stroke="#bbb" stroke-width="0.5"/>`
  );
  for (const track of p.lane.tracks) {
    const cy = p.trackY.get(track.key)!;
    const shown = fitLabel(track.label, s.left - 6 - LANE_BAR);
    out.push(
      `<text class="track-label" x="${num(s.left - 6)}" y="${num(cy + 3.2)}" font-size="${TRACK_FONT}" text-anchor="end" fill="${MUTED}">${shown === track.label ? '' : `<title>${escapeXml(track.label)}</title>`}${escapeXml(shown)}</text>`
    );
    // Whiskers first, so the marks sit on top of them.
    for (const m of track.marks) {
      const w = whisker(m, cy, p.colour, s);
      if (!w) continue;
      out.push(w.svg);
      obstacles.push(w.box);
    }
    for (const m of track.marks) {
      out.push(markSvg(m, cy, p.colour, s));
      obstacles.push(markBox(m, cy, s));
    }
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
    // A band the horizon shows only a sliver of gets no label rather than one that spills past it.
    if (textWidth(b.label, 9) > x1 - x0) return;
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

/** The connector (or ring) of a broken rule, its gap label where it covers no mark, and a leader if it had to move. */
function connectorSvg(
  c: TimelineConnector,
  placed: readonly Placed[],
  s: TimeScale,
  area: Box,
  obstacles: Box[]
): string | undefined {
  const a = endPoint(c.from, placed, s);
  const b = endPoint(c.to, placed, s);
  if (!a || !b) return undefined;
  const single = a.x === b.x && a.y === b.y;
  const anchor = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const ringBox = (p: { x: number; y: number }): Box => ({ x0: p.x - 8, y0: p.y - 8, x1: p.x + 8, y1: p.y + 8 });
  obstacles.push(ringBox(a), ...(single ? [] : [ringBox(b)]));
  const width = textWidth(c.label, GAP_FONT, true);
  const box = placeLabel(
    { x: anchor.x, y: anchor.y, width, height: 13, gap: single ? 10 : 6, within: area, step: TRACK / 2 },
    obstacles
  );
  obstacles.push(box);
  const ring = (p: { x: number; y: number }): string =>
    `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="6.5" fill="none" stroke="${VIOLATION_COLOUR}" stroke-width="2"/>`;
  // A label moved away from its point is tied to it by a thin line to the label's nearest edge.
  const nearX = Math.min(box.x1, Math.max(box.x0, anchor.x));
  const nearY = Math.min(box.y1, Math.max(box.y0, anchor.y));
  const away = Math.hypot(nearX - anchor.x, nearY - anchor.y) > (single ? 12 : 4);
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
    ...(away
      ? [
          `<line class="leader" x1="${num(anchor.x)}" y1="${num(anchor.y)}" x2="${num(nearX)}" y2="${num(nearY)}" stroke="${VIOLATION_COLOUR}" stroke-width="0.8" stroke-dasharray="2 2"/>`,
        ]
      : []),
    `<text class="gap-label" x="${num(box.x0)}" y="${num(box.y1 - 3.5)}" font-size="${GAP_FONT}" font-weight="bold" fill="${VIOLATION_COLOUR}" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeXml(c.label)}</text>`,
    '</g>',
  ].join('\n');
}

function todaySvg(input: TimelineInput, s: TimeScale, bottom: number): string {
  if (Temporal.PlainDate.compare(input.today, input.from) < 0 || Temporal.PlainDate.compare(input.today, input.to) > 0)
    return '';
  const x = s.xMid(input.today);
  const fitsRight = x + 3 + textWidth(input.text.today, TODAY_FONT, true) <= WIDTH - EDGE;
  return [
    '<g class="today">',
    `<line x1="${num(x)}" x2="${num(x)}" y1="${AXIS_TOP - 2}" y2="${num(bottom + 2)}" stroke="${INK}" stroke-width="1.4" stroke-dasharray="5 3"/>`,
    `<text x="${num(x + (fitsRight ? 3 : -3))}" y="${num(bottom + 13)}" font-size="${TODAY_FONT}" font-weight="bold" text-anchor="${fitsRight ? 'start' : 'end'}" fill="${INK}">${escapeXml(input.text.today)}</text>`,
    '</g>',
  ].join('\n');
}

function legendItems(input: TimelineInput): [string, string][] {
  const t = input.text;
  const c = LANE_COLOURS[0]!;
  return [
    [`<circle cx="6" cy="0" r="3.8" fill="${c}" stroke="${c}"/>`, t.legendActual],
    [`<path d="M6 -5L11 0L6 5L1 0Z" fill="${c}" stroke="${c}"/>`, t.legendPlanned],
    [`<circle cx="6" cy="0" r="3.8" fill="#fff" stroke="${c}" stroke-width="1.5"/>`, t.legendProjected],
    [`<rect x="0" y="-4" width="16" height="8" fill="${c}" stroke="${c}"/>`, t.legendWindowActual],
    [
      `<rect x="0" y="-4" width="16" height="8" fill="${c}" fill-opacity="0.12" stroke="${c}" stroke-dasharray="3 2"/>`,
      t.legendWindowProjected,
    ],
    [
      `<g stroke="${c}" stroke-opacity="0.55" stroke-width="1.2"><line x1="0" x2="16" y1="0" y2="0"/><line x1="0" x2="0" y1="-3" y2="3"/><line x1="16" x2="16" y1="-3" y2="3"/></g><circle cx="8" cy="0" r="3.8" fill="#fff" stroke="${c}" stroke-width="1.5"/>`,
      t.legendBand,
    ],
    [
      `<line x1="0" y1="0" x2="16" y2="0" stroke="${VIOLATION_COLOUR}" stroke-width="2.2"/><circle cx="16" cy="0" r="4.5" fill="none" stroke="${VIOLATION_COLOUR}" stroke-width="2"/>`,
      t.legendViolation,
    ],
  ];
}

/** As many columns as the longest label allows (at most four), in rows. */
function legendLayout(input: TimelineInput): { items: [string, string][]; columns: number; rows: number } {
  const items = legendItems(input);
  const widest = Math.max(...items.map(([, label]) => 24 + textWidth(label, LEGEND_FONT)));
  const columns = Math.max(1, Math.min(4, Math.floor((WIDTH - 2 * 10) / (widest + 12))));
  return { items, columns, rows: Math.ceil(items.length / columns) };
}

function legendSvg(layout: ReturnType<typeof legendLayout>, top: number): string {
  const col = (WIDTH - 20) / layout.columns;
  const out = [`<g class="legend" font-size="${LEGEND_FONT}" fill="#1a1a1a">`];
  layout.items.forEach(([symbol, label], i) => {
    const x = 10 + (i % layout.columns) * col;
    const y = top + Math.floor(i / layout.columns) * LEGEND_ROW;
    out.push(
      `<g transform="translate(${num(x)} ${num(y)})">${symbol}<text x="24" y="3.5">${escapeXml(label)}</text></g>`
    );
  });
  out.push('</g>');
  return out.join('\n');
}

/** The whole picture as a standalone SVG document fragment (no XML declaration: it is also inlined in HTML). */
export function renderTimelineSvg(input: TimelineInput): string {
  const s = timeScale(input.from, input.to, plotLeftFor(input.lanes), PLOT_RIGHT);
  const { placed, bottom } = placeLanes(input.lanes);
  const legend = legendLayout(input);
  const legendTop = bottom + 34;
  const height = legendTop + legend.rows * LEGEND_ROW;
  // Gap labels stay inside the plot, between the axis and the last lane, clear of the track labels.
  const area: Box = { x0: s.left, y0: AXIS_TOP + 2, x1: WIDTH - EDGE, y1: bottom };
  const obstacles: Box[] = [];
  const lanes = placed.map(p => laneSvg(p, s, obstacles));
  const connectors = input.connectors
    .map(c => connectorSvg(c, placed, s, area, obstacles))
    .filter((x): x is string => Boolean(x));
  return (
    [
      `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${WIDTH} ${num(height)}" width="${WIDTH}" height="${num(height)}" role="img" aria-labelledby="cs-timeline-title cs-timeline-desc" lang="${escapeXml(input.lang)}" font-family="DejaVu Sans, Verdana, Arial, sans-serif">`,
      `<title id="cs-timeline-title">${escapeXml(input.text.title)}</title>`,
      `<desc id="cs-timeline-desc">${escapeXml(input.text.desc)}</desc>`,
      `<rect width="${WIDTH}" height="${num(height)}" fill="#fff"/>`,
      axisSvg(input, s, bottom),
      ...lanes,
      ...connectors,
      todaySvg(input, s, bottom),
      legendSvg(legend, legendTop),
      '</svg>',
    ]
      .filter(Boolean)
      .join('\n') + '\n'
  );
}
