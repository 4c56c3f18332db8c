// Atomic file writes: a reader sees the old file or the new one, never a partial one. The temp file sits in
// the target's folder (rename is atomic only within one file system), is written in full, fsynced, renamed
// over the target, and the folder is fsynced so the rename itself survives a crash.
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CycleSyncError } from '../errors.js';

export const TEMP_PREFIX = '.cyclesync-tmp-';

/** A fresh temp path beside `target` (same folder, so a rename or link stays on one file system). */
export const tempPathFor = (target: string): string =>
  path.join(path.dirname(target), `${TEMP_PREFIX}${path.basename(target)}-${randomBytes(6).toString('hex')}`);

/** Creates `temp` (never an existing file), writes `bytes` in full and fsyncs it. The caller removes it on failure. */
export async function writeSyncedTemp(temp: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(temp, 'wx', 0o644);
  try {
    // FileHandle.writeFile loops over short writes (write-file-atomic's single write does not).
    await handle.writeFile(bytes);
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== bytes.length) throw new Error(`short write: ${size} of ${bytes.length} bytes`);
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const temp = tempPathFor(target);
  try {
    await writeSyncedTemp(temp, bytes);
    await rename(temp, target);
    await syncDir(path.dirname(target));
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new CycleSyncError({
      code: 'WRITE_FAILED',
      message: `could not write ${target}: ${(e as Error).message}`,
      at: { file: target },
      hint: 'check the folder exists, is writable and the disk is not full; the previous file is untouched',
      cause: e,
    });
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic.
  } finally {
    await handle.close();
  }
}
