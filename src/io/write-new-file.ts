// Creates a file that must not exist yet, atomically: the content goes to a temp file in the same folder
// (written as write-output.ts writes it), which is then hard-linked to the target. link() fails when the target
// exists (a symbolic link included, which it never follows), so nothing is ever overwritten, not even by a file
// that appeared after the caller looked; a reader never sees a half-written file.
import { link, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { CycleSyncError } from '../errors.js';
import { tempPathFor, writeSyncedTemp } from './write-output.js';

export async function writeNewFile(target: string, content: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  try {
    await writeSyncedTemp(temp, Buffer.from(content, 'utf8'));
    await link(temp, target);
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
    throw new CycleSyncError({
      code: exists ? 'USAGE' : 'WRITE_FAILED',
      message: exists
        ? `${target} already exists; not overwriting it`
        : `could not write ${target}: ${(e as Error).message}`,
      at: { file: target },
      hint: exists
        ? 'move it away, or run init in another folder'
        : 'check the folder is writable and the disk is not full',
      cause: e,
    });
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}
