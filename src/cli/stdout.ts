// Standard output for the commands' results, through process.stdout. A command awaits its write, so that the
// text has left the process before the command's exit code is final.
// - A reader that goes away (`cyclesync report | head`) ends the output, not the run: the rest is dropped
//   without a stack trace, and the exit code stays the command's own (check's verdict still counts).
// - Any other failure to write (a full disk, an I/O error) is a CycleSyncError: one line, exit 2.
import { CycleSyncError } from '../errors.js';

/** The reader is gone: EPIPE on the write that found out, ERR_STREAM_DESTROYED on any write after it. */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

/** Writes a command's result to standard output, whole, or up to where the reader stopped reading. */
export function writeStdout(text: string): Promise<void> {
  // The write's callback receives its error; the stream also emits it, which must not go unhandled.
  if (process.stdout.listenerCount('error') === 0) process.stdout.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    process.stdout.write(text, error => {
      const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
      if (!error || (code !== undefined && READER_GONE.has(code))) resolve();
      else
        reject(
          new CycleSyncError({ code: 'WRITE_FAILED', message: `cannot write to standard output: ${error.message}` })
        );
    });
  });
}

/** True when standard output is a terminal: colour, and help laid out to its width. */
export const stdoutIsTerminal = (): boolean => Boolean(process.stdout.isTTY);

/** The terminal's width in columns, or undefined when standard output is not a terminal. */
export const terminalColumns = (): number | undefined =>
  stdoutIsTerminal() ? process.stdout.columns || undefined : undefined;
