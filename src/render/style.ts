// Terminal styling. The CLI decides whether colour is on (a TTY and no NO_COLOR); renderers only apply it.
export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string): string => s;

export const makeStyle = (color: boolean): Style =>
  color
    ? {
        bold: wrap(1, 22),
        dim: wrap(2, 22),
        red: wrap(31, 39),
        green: wrap(32, 39),
        yellow: wrap(33, 39),
        cyan: wrap(36, 39),
      }
    : { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };

/** The mark of each status, in every output that shows one: ● actual · ◐ planned · ○ projected. */
export const STATUS_MARK = { actual: '●', planned: '◐', projected: '○', unrecorded: '—' } as const;
