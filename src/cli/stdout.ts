// Standard output for the commands' results.
// - A reader that goes away (`cyclesync report | head`) ends the output, not the run: the rest is dropped
//   without a stack trace, and the exit code stays the command's own (check's verdict still counts).
// - Into a pipe, a socket or a file, as in CI, the text goes straight to file descriptor 1 (a CI runner
//   that spawns the job from Node hands it a socket). Node creates process.stdout, and loads about twenty
//   stream modules for it (some 2 ms of a `check`), on first access; only a terminal (or a device such as
//   /dev/null) gets it.
import { fstatSync, writeSync } from 'node:fs';

const STDOUT = 1;

let direct: boolean | undefined;

/** True when standard output is a pipe, a socket or a regular file (never a terminal): written with writeSync. */
function isDirect(): boolean {
  if (direct === undefined) {
    try {
      const st = fstatSync(STDOUT);
      direct = st.isFIFO() || st.isSocket() || st.isFile();
    } catch {
      direct = false;
    }
  }
  return direct;
}

const isEpipe = (e: unknown): boolean => (e as NodeJS.ErrnoException | null)?.code === 'EPIPE';

/** Writes through process.stdout, dropping what a gone reader (EPIPE) can no longer take. */
function writeStream(text: string | Uint8Array): void {
  if (process.stdout.listenerCount('error') === 0)
    process.stdout.on('error', e => {
      if (!isEpipe(e)) throw e;
    });
  process.stdout.write(text);
}

/** Writes a command's result to standard output, whole, or up to where the reader stopped reading. */
export function writeStdout(text: string): void {
  if (!isDirect()) return writeStream(text);
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(STDOUT, bytes, offset);
  } catch (e) {
    if (isEpipe(e)) return;
    // A full non-blocking pipe or socket: the stream waits for it to drain before the process exits, and
    // takes every later write too, so that nothing overtakes what it still holds.
    if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    direct = false;
    writeStream(bytes.subarray(offset));
  }
}

/** True when standard output is a terminal: colour, and help laid out to its width. */
export const stdoutIsTerminal = (): boolean => !isDirect() && Boolean(process.stdout.isTTY);

/** The terminal's width in columns, or undefined when standard output is not a terminal. */
export const terminalColumns = (): number | undefined =>
  stdoutIsTerminal() ? process.stdout.columns || undefined : undefined;
