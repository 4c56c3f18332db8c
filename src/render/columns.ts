// Text tables for the terminal: aligned columns, two spaces apart, and, on a terminal narrower than the table,
// chosen columns wrapped (at spaces, else inside a word) so that no line is wider than the terminal.

/** Display width of a string: its code points, ANSI colour codes aside (the catalogs use no wide characters). */
// eslint-disable-next-line no-control-regex -- ANSI escapes start with ESC by definition.
const ANSI = /\u001b\[\d+m/g;
export const visibleWidth = (s: string): number => [...s.replace(ANSI, '')].length;

const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - visibleWidth(s)));

const GAP = 2;
/** Narrower than this, a wrapped column breaks inside words; no column is wrapped narrower than HARD_MIN. */
const HARD_MIN = 8;

export interface Layout {
  /** The widest a line may be (the terminal's columns); absent, nothing wraps. */
  width?: number | undefined;
  /** The columns that may wrap when the table is wider than `width`, the first narrowed first. */
  wrap?: readonly number[];
  /** Colour for one line of a cell, applied after the layout (the cells themselves are plain text). */
  paint?: (row: number, column: number, text: string) => string;
}

/** The lines of `text` at most `width` wide: broken at spaces, a word longer than a line cut where it must be. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = [...word];
    if (line !== '' && visibleWidth(line) + 1 + rest.length <= width) {
      line += ` ${word}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > width) {
      lines.push(rest.slice(0, width).join(''));
      rest = rest.slice(width);
    }
    line = rest.join('');
  }
  lines.push(line);
  return lines;
}

const longestWord = (cell: string): number => Math.max(0, ...cell.split(' ').map(visibleWidth));

/** Each column's width: its widest cell, the wrapping ones narrowed (to their longest word first) to fit `width`. */
function columnWidths(rows: readonly (readonly string[])[], layout: Layout): number[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell))));
  if (layout.width === undefined) return widths;
  const total = (): number => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  const floors = [(i: number) => Math.max(HARD_MIN, ...rows.map(r => longestWord(r[i] ?? ''))), () => HARD_MIN];
  for (const floor of floors)
    for (const i of layout.wrap ?? []) {
      const excess = total() - layout.width;
      if (excess <= 0) return widths;
      widths[i] = Math.max(Math.min(widths[i]!, floor(i)), widths[i]! - excess);
    }
  return widths;
}

/**
 * Lays out rows as aligned columns separated by two spaces; the last column is not padded. Given a width, the
 * `wrap` columns of a wider table are narrowed and their cells wrapped onto more lines, the other cells of the
 * row left blank there. Cells that wrap must be plain text: colour comes through `paint`.
 */
export function columns(rows: readonly (readonly string[])[], layout: Layout = {}): string[] {
  const widths = columnWidths(rows, layout);
  const paint = layout.paint ?? ((_row: number, _column: number, text: string) => text);
  return rows.flatMap((row, r) => {
    const cells = row.map((cell, i) => (visibleWidth(cell) > widths[i]! ? wrapText(cell, widths[i]!) : [cell]));
    const height = Math.max(...cells.map(c => c.length));
    return Array.from({ length: height }, (_, k) =>
      cells
        .map((lines, i) => {
          const text = lines[k] ?? '';
          const shown = text === '' ? '' : paint(r, i, text);
          return i === cells.length - 1 ? shown : padEnd(shown, widths[i]!);
        })
        .join(' '.repeat(GAP))
        .trimEnd()
    );
  });
}
