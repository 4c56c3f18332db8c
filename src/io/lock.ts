// One run at a time per output folder: a lock file created with O_EXCL. A lock left by a process that is
// gone (killed, crashed) on this host is stale and taken over; so are temp files a killed run left behind.
import { link, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { CycleSyncError } from '../errors.js';
import { TEMP_PREFIX } from './write-atomic.js';

export const LOCK_FILE = '.cyclesync.lock';
/** A lock whose owner cannot be checked (another host, unreadable) is stale after this long. */
const STALE_AFTER_MS = 10 * 60 * 1000;

export interface Lock {
  file: string;
  release: () => Promise<void>;
}

interface Owner {
  pid: number;
  host: string;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function isStale(file: string): Promise<{ stale: boolean; owner: Owner | undefined; text: string }> {
  let owner: Owner | undefined;
  const text = await readFile(file, 'utf8').catch(() => '');
  try {
    const data = JSON.parse(text) as Partial<Owner>;
    if (typeof data.pid === 'number' && typeof data.host === 'string') owner = { pid: data.pid, host: data.host };
  } catch {
    // Unreadable or half-written (killed between create and write): judged by age below.
  }
  if (owner && owner.host === hostname()) return { stale: !isAlive(owner.pid), owner, text };
  const age = await stat(file).then(
    s => Date.now() - s.mtimeMs,
    () => 0
  );
  return { stale: age > STALE_AFTER_MS, owner, text };
}

export async function acquireLock(dir: string): Promise<Lock> {
  const file = path.join(dir, LOCK_FILE);
  await sweepLockDrafts(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Written aside, then hard-linked into place: link() fails if the lock exists (like O_EXCL) and the
      // lock never exists without its owner in it, even if this process is killed half-way.
      const mine = `${file}.${process.pid}`;
      await writeFile(mine, `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
      try {
        await link(mine, file);
      } finally {
        await rm(mine, { force: true });
      }
      return { file, release: () => rm(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new CycleSyncError({
          code: 'WRITE_FAILED',
          message: `cannot create the lock ${file}: ${(e as Error).message}`,
          at: { file },
          hint: 'check that the output folder exists and is writable',
          cause: e,
        });
      const { stale, owner, text } = await isStale(file);
      if (!stale)
        throw new CycleSyncError({
          code: 'LOCKED',
          message: `another cyclesync run${owner ? ` (pid ${owner.pid} on ${owner.host})` : ''} is writing to ${dir}`,
          at: { file },
          hint: `wait for it to finish; if no run is active, delete ${file}`,
        });
      // Another run may have taken over the stale lock meanwhile: remove only the lock judged stale.
      if ((await readFile(file, 'utf8').catch(() => '')) === text) await rm(file, { force: true });
    }
  }
  throw new CycleSyncError({
    code: 'LOCKED',
    message: `could not take the lock ${file}: another run took it first`,
    at: { file },
    hint: 'run again once the other run has finished',
  });
}

/** Removes `.cyclesync.lock.<pid>` drafts of processes that are gone (killed before linking their lock). */
async function sweepLockDrafts(dir: string): Promise<void> {
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    const m = /^\.cyclesync\.lock\.(\d+)$/.exec(entry);
    if (m && !isAlive(Number(m[1]))) await rm(path.join(dir, entry), { force: true });
  }
}

/** Removes temp files a killed run left for these names (only ours: other tools' temps are not touched). */
export async function sweepTemps(dir: string, names: readonly string[]): Promise<string[]> {
  const ours = names.map(n => `${TEMP_PREFIX}${n}-`);
  const swept: string[] = [];
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    if (!ours.some(prefix => entry.startsWith(prefix))) continue;
    await rm(path.join(dir, entry), { force: true });
    swept.push(entry);
  }
  return swept.sort();
}
