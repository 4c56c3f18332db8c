// UTF-8 validation on raw octets (RFC 3629): overlong forms, surrogates and code points past U+10FFFF are invalid.

const isContinuation = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80;

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the octets there are not UTF-8. */
function sequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const b1 = i + 1 < end ? bytes[i + 1] : undefined;
  if (b0 >= 0xc2 && b0 <= 0xdf) return isContinuation(b1) ? 2 : 0;
  const b2 = i + 2 < end ? bytes[i + 2] : undefined;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    if (!isContinuation(b1) || !isContinuation(b2)) return 0;
    if (b0 === 0xe0 && b1! < 0xa0) return 0; // overlong
    if (b0 === 0xed && b1! > 0x9f) return 0; // UTF-16 surrogate
    return 3;
  }
  const b3 = i + 3 < end ? bytes[i + 3] : undefined;
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    if (!isContinuation(b1) || !isContinuation(b2) || !isContinuation(b3)) return 0;
    if (b0 === 0xf0 && b1! < 0x90) return 0; // overlong
    if (b0 === 0xf4 && b1! > 0x8f) return 0; // past U+10FFFF
    return 4;
  }
  return 0;
}

/** Index of the first octet in [start, end) that does not begin a valid UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let i = start;
  while (i < end) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = sequenceLength(bytes, i, end);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}
