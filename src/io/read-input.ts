// The one way an input file is read: opened without blocking, checked on the open descriptor (a regular file,
// never a FIFO, a device or a socket, whatever the path looked like a moment before), read up to its cap plus
// one byte (st_size is not trusted: /dev/zero, /proc files and FIFOs say 0), and decoded strictly as UTF-8.
// Errors name the file and never quote its content: the path may name any file on the machine.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { findInvalidUtf8 } from '../core/ics-lint/utf8.js';
import { CycleSyncError } from '../errors.js';

export interface InputRead {
  /** The most bytes accepted; one more is read to tell "exactly the cap" from "over it". */
  maxBytes: number;
  /** What the file is, for messages: "a calendar file", "the feed state". */
  what: string;
  /** Refuse a symbolic link instead of reading what it points to (files in an output folder). */
  noFollow?: boolean;
  /** For a missing file: how to find the right one. */
  notFoundHint?: string;
}

/** `1 MiB`, `64 MiB`, `4 KiB`: a limit as the docs state it. */
export const formatLimit = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;

const KINDS: ReadonlyArray<[(s: Stats) => boolean, string]> = [
  [s => s.isDirectory(), 'a folder'],
  [s => s.isFIFO(), 'a named pipe (FIFO)'],
  [s => s.isCharacterDevice(), 'a character device'],
  [s => s.isBlockDevice(), 'a block device'],
  [s => s.isSocket(), 'a socket'],
];

const unreadable = (shownAs: string, opts: InputRead, e: unknown): CycleSyncError => {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  const why: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: opts.noFollow ? 'it is a symbolic link' : 'too many symbolic links',
    ENOTDIR: 'a part of the path is not a folder',
    EIO: 'the system could not read it (EIO)',
    EINVAL: 'the system could not read it (EINVAL)',
  };
  return new CycleSyncError({
    code: code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
    message: `cannot read ${shownAs}: ${why[code] ?? code}`,
    at: { file: shownAs },
    ...(code === 'ENOENT' && opts.notFoundHint ? { hint: opts.notFoundHint } : {}),
    ...(code === 'ELOOP' && opts.noFollow ? { hint: 'replace the link with the file itself, or remove it' } : {}),
    cause: e,
  });
};

const tooLarge = (shownAs: string, opts: InputRead, size: number | undefined): CycleSyncError =>
  new CycleSyncError({
    code: 'FILE_TOO_LARGE',
    message: `${shownAs} is ${size === undefined ? 'larger than' : `${size} bytes, over`} the ${formatLimit(opts.maxBytes)} limit for ${opts.what}`,
    at: { file: shownAs },
    hint: 'check that this is the file you meant',
  });

function checkRegular(stats: Stats, shownAs: string, opts: InputRead): void {
  if (stats.isFile()) return;
  const kind = KINDS.find(([is]) => is(stats))?.[1] ?? 'not a regular file';
  throw new CycleSyncError({
    code: 'FILE_UNREADABLE',
    message: `${shownAs} is ${kind}, not a regular file; refusing to read it as ${opts.what}`,
    at: { file: shownAs },
    hint: 'name a regular file',
  });
}

/** The bytes of a regular file, at most `opts.maxBytes` of them (more is an error, found without reading more). */
export function readInputBytes(abs: string, shownAs: string, opts: InputRead): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (opts.noFollow ? constants.O_NOFOLLOW : 0);
    fd = openSync(abs, flags);
  } catch (e) {
    throw unreadable(shownAs, opts, e);
  }
  try {
    const stats = fstatSync(fd);
    checkRegular(stats, shownAs, opts);
    if (stats.size > opts.maxBytes) throw tooLarge(shownAs, opts, stats.size);
    let buffer = Buffer.allocUnsafe(Math.min(opts.maxBytes + 1, Math.max(stats.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > opts.maxBytes) throw tooLarge(shownAs, opts, undefined);
        const grown = Buffer.allocUnsafe(Math.min(opts.maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } catch (e) {
    if (e instanceof CycleSyncError) throw e;
    throw unreadable(shownAs, opts, e);
  } finally {
    closeSync(fd);
  }
}

const notUtf8 = (shownAs: string, line: number, why: string): CycleSyncError =>
  new CycleSyncError({
    code: 'FILE_UNREADABLE',
    message: `${shownAs} is not UTF-8 text: ${why}`,
    at: { file: shownAs, line },
    hint: 'save it as UTF-8 (in most editors: "Save with encoding" › UTF-8)',
  });

const lineOf = (bytes: Uint8Array, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** The text of `bytes`, strictly UTF-8 (a UTF-8 byte-order mark is dropped); anything else names its line. */
export function decodeUtf8(bytes: Uint8Array, shownAs: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw notUtf8(shownAs, 1, 'it starts with a UTF-16 byte-order mark');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw notUtf8(shownAs, lineOf(bytes, nul), 'it holds a NUL byte (UTF-16, or not text at all)');
  if (!isUtf8(bytes)) {
    const at = Math.max(findInvalidUtf8(bytes), 0);
    throw notUtf8(shownAs, lineOf(bytes, at), 'a byte that is not UTF-8 (Latin-1 or Windows-1252?)');
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `readInputBytes`, then `decodeUtf8`. */
export const readInputText = (abs: string, shownAs: string, opts: InputRead): string =>
  decodeUtf8(readInputBytes(abs, shownAs, opts), shownAs);
