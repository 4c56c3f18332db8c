// The one way an output is written. A file is replaced atomically: a temp file created beside it (O_EXCL and
// O_NOFOLLOW: never an existing file, never through a link), written in full, fsynced, then renamed over the
// target, and the folder fsynced so the rename survives a crash. A target that is a symbolic link, a device, a
// FIFO or a folder is refused, never replaced: `--out /dev/null` must not turn the system's /dev/null into a
// file. An output folder takes one run at a time (acquireLock), and temp files killed runs left are swept.
import { constants } from 'node:fs';
import { link, lstat, open, readdir, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CycleSyncError } from '../errors.js';
import { readInputText } from './read-input.js';

export const TEMP_PREFIX = '.cyclesync-tmp-';

const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** A fresh temp path beside `target` (same folder, so a rename or link stays on one file system). */
export const tempPathFor = (target: string): string =>
  path.join(path.dirname(target), `${TEMP_PREFIX}${path.basename(target)}-${randomBytes(6).toString('hex')}`);

/** Writes `bytes` to the open file in full (FileHandle.writeFile loops over short writes), fsyncs and checks the size. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  await handle.writeFile(bytes);
  await handle.sync();
  const { size } = await handle.stat();
  if (size !== bytes.length) throw new Error(`short write: ${size} of ${bytes.length} bytes`);
}

/**
 * Creates a new temp file named `temp` (refusing anything already there, a link included), writes `bytes` in
 * full and fsyncs it. The caller removes it on failure.
 */
export async function writeSyncedTemp(temp: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(temp, CREATE_NEW, 0o644);
  try {
    await writeAll(handle, bytes);
  } finally {
    await handle.close();
  }
}

/** What a path names, as a refusal reason, or undefined when it is a regular file or absent. */
async function unsafeKind(target: string): Promise<string | undefined> {
  const info = await lstat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (!info || info.isFile()) return undefined;
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Refuses a target that exists and is not a regular file: it is never replaced, written through or followed. */
export async function checkTarget(target: string): Promise<void> {
  const kind = await unsafeKind(target).catch(() => undefined);
  if (kind)
    throw new CycleSyncError({
      code: 'WRITE_FAILED',
      message: `${target} is ${kind}; refusing to replace it`,
      at: { file: target },
      hint: 'name a regular file (or a new one) to write to, or remove what is there',
    });
}

export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await checkTarget(target);
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

// One run at a time per output folder. A run writes its lock (pid, host, process start) in full to a temp
// file and hard-links it to `.cyclesync.lock.<n>`, n one more than any lock there: link() never replaces and
// never follows a link, so of two runs choosing the same n one fails and looks again. Then the run holds the
// lock only if every other lock in the folder is stale (its owner dead, a zombie, or a reused pid; another
// host's after 10 minutes); otherwise it removes its own and stops. Each run announces before it checks, so
// of two runs that overlap at least one sees the other: two can both give up, but never both hold. A stale
// lock is never removed by a run that has not taken the lock, so no takeover can remove a live one.

const LOCK_FILE = '.cyclesync.lock';
/** `.cyclesync.lock` (the one name earlier builds used, still honoured) and `.cyclesync.lock.<n>`. */
const LOCK_NAME = /^\.cyclesync\.lock(?:\.(\d{1,15}))?$/;
const LOCK_DRAFT = `${TEMP_PREFIX}lock-`;
/** A lock draft: `${LOCK_DRAFT}<pid>-<random>`. */
const LOCK_DRAFT_NAME = /^\.cyclesync-tmp-lock-(\d+)-/;
/** A lock whose owner cannot be checked (another host) is stale after this long. */
const STALE_AFTER_MS = 10 * 60 * 1000;

export interface Lock {
  file: string;
  release: () => Promise<void>;
}

interface Owner {
  pid: number;
  host: string;
  /** The owner's start time in clock ticks since boot (/proc/<pid>/stat), where the system tells it. */
  started?: number;
}

/** State and start time of a process from /proc (Linux); undefined elsewhere or when it is gone. */
function procStat(pid: number): { state: string; started: number } | undefined {
  try {
    const text = readInputText(`/proc/${pid}/stat`, `/proc/${pid}/stat`, { maxBytes: 4096, what: 'process status' });
    // "pid (name) S ppid …": the name may hold spaces and parentheses; the fields follow its last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: Number(fields[19]) };
  } catch {
    return undefined;
  }
}

function isAlive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(owner.pid);
  if (!stat) return true;
  // A zombie has exited (its parent has not reaped it); a different start time is a reused pid.
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return owner.started === undefined || owner.started === stat.started;
}

const ownerOf = (file: string): Owner | undefined => {
  try {
    const data = JSON.parse(
      readInputText(file, file, { maxBytes: 4096, what: 'a lock file', noFollow: true })
    ) as Partial<Owner>;
    if (typeof data.pid === 'number' && typeof data.host === 'string')
      return { pid: data.pid, host: data.host, ...(typeof data.started === 'number' ? { started: data.started } : {}) };
  } catch {
    // Not a lock cyclesync wrote (each is linked into place complete): a link, a folder, other content.
  }
  return undefined;
};

/** The owner of a live lock, or undefined when the lock is stale. */
async function liveOwner(file: string): Promise<Owner | undefined> {
  const owner = ownerOf(file);
  if (!owner) return undefined;
  if (owner.host === hostname()) return isAlive(owner) ? owner : undefined;
  const age = await lstat(file).then(
    s => Date.now() - s.mtimeMs,
    () => Infinity
  );
  return age > STALE_AFTER_MS ? undefined : owner;
}

const locksIn = async (dir: string): Promise<Array<{ name: string; n: number }>> =>
  (await readdir(dir)).flatMap(name => {
    const m = LOCK_NAME.exec(name);
    return m ? [{ name, n: Number(m[1] ?? 0) }] : [];
  });

async function firstLive(dir: string, names: readonly string[]): Promise<Owner | undefined> {
  for (const name of names) {
    const owner = await liveOwner(path.join(dir, name));
    if (owner) return owner;
  }
  return undefined;
}

const lockError = (dir: string, e: unknown): CycleSyncError =>
  new CycleSyncError({
    code: 'WRITE_FAILED',
    message: `cannot create a lock in ${dir}: ${(e as Error).message}`,
    at: { file: dir },
    hint: 'check that the output folder exists and is writable',
    cause: e,
  });

const locked = (dir: string, owner: Owner | undefined): CycleSyncError =>
  new CycleSyncError({
    code: 'LOCKED',
    message: `another cyclesync run${owner ? ` (pid ${owner.pid} on ${owner.host})` : ''} is writing to ${dir}`,
    at: { file: dir },
    hint: `wait for it to finish; if no run is active, delete ${path.join(dir, `${LOCK_FILE}*`)}`,
  });

export async function acquireLock(dir: string): Promise<Lock> {
  await sweepLockDrafts(dir);
  const me: Owner = { pid: process.pid, host: hostname() };
  const started = procStat(process.pid)?.started;
  if (started !== undefined) me.started = started;
  const draft = path.join(dir, `${LOCK_DRAFT}${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    await writeSyncedTemp(draft, Buffer.from(`${JSON.stringify(me)}\n`));
    // Bounded: a link fails only when another run took the same number, which then shows in the next look.
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await locksIn(dir);
      const holder = await firstLive(
        dir,
        before.map(l => l.name)
      );
      if (holder) throw locked(dir, holder);
      const mine = `${LOCK_FILE}.${Math.max(0, ...before.map(l => l.n)) + 1}`;
      const file = path.join(dir, mine);
      try {
        await link(draft, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw lockError(dir, e);
      }
      const others = (await locksIn(dir)).filter(l => l.name !== mine).map(l => l.name);
      const rival = await firstLive(dir, others);
      if (rival) {
        await rm(file, { force: true });
        throw locked(dir, rival);
      }
      // Every other lock is stale: its owner is gone for good, so removing it races with nobody.
      for (const name of others) await rm(path.join(dir, name), { force: true }).catch(() => undefined);
      return { file, release: () => rm(file, { force: true }) };
    }
    throw locked(dir, undefined);
  } catch (e) {
    throw e instanceof CycleSyncError ? e : lockError(dir, e);
  } finally {
    await rm(draft, { force: true }).catch(() => undefined);
  }
}

/** Removes lock drafts of runs that are gone (killed before linking their lock). */
async function sweepLockDrafts(dir: string): Promise<void> {
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    const m = LOCK_DRAFT_NAME.exec(entry);
    if (m && !isAlive({ pid: Number(m[1]), host: hostname() })) await rm(path.join(dir, entry), { force: true });
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
