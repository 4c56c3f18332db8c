// How wide a label will be, estimated without a font engine: the SVG is static, yet its layout must keep labels
// off the marks and inside the picture. Advance widths are those of DejaVu Sans (the first font the picture
// asks for; Verdana's are close), grouped into a few classes and rounded up, so an estimate errs on the wide
// side. The browser test measures the real boxes in Chromium.

/** Advance widths in em, by character; anything else counts as `OTHER`. */
const CLASSES: readonly (readonly [string, number])[] = [
  [' ', 0.32],
  ["ijl.,:;!|'`IJ", 0.32],
  ['ft()[]/-', 0.42],
  ['r', 0.44],
  ['cksvxyz', 0.6],
  ['abdeghnopqu0123456789', 0.64],
  ['EFLPTZ', 0.66],
  ['ABKRSVXY', 0.72],
  ['CDHNU', 0.78],
  ['GOQ', 0.8],
  ['w', 0.83],
  ['M', 0.87],
  ['m', 0.98],
  ['W', 1],
  ['–', 0.5],
  ['—', 1],
  ['→±−+=<>', 0.84],
];

const OTHER = 0.72;
/** DejaVu Sans Bold is about a tenth wider than the book weight. */
const BOLD = 1.12;

const WIDTH = new Map<string, number>(CLASSES.flatMap(([chars, w]) => [...chars].map(c => [c, w] as const)));

/** Estimated width in px of `text` at `size` px; accented letters count as their base letter. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text.normalize('NFD').replace(/\p{M}/gu, '')) em += WIDTH.get(c) ?? OTHER;
  return em * size * (bold ? BOLD : 1);
}
