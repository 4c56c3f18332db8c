// The output folder's lock: never two holders, even when several runs take over one stale lock at once; a
// dead, zombie or reused-pid owner's lock is taken over; nothing planted in the folder is followed or kept.
import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import type { CycleSyncError } from '../../src/errors.js';
import { acquireLock } from '../../src/io/write-output.js';
import type { Lock } from '../../src/io/write-output.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const tempDir = tempDirs('cyclesync-lock-');
const locks = (dir: string): string[] => readdirSync(dir).filter(n => n.startsWith('.cyclesync.lock'));
const deadPid = (): number =>
  Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
const plant = (dir: string, name: string, owner: object): void =>
  writeFileSync(path.join(dir, name), JSON.stringify(owner));

/** The lock, or the LOCKED refusal (any other error fails the test). */
const outcome = async (dir: string): Promise<Lock | CycleSyncError> =>
  acquireLock(dir).catch((e: unknown) => {
    if ((e as CycleSyncError).code === 'LOCKED') return e as CycleSyncError;
    throw e;
  });
const isLock = (r: Lock | CycleSyncError): r is Lock => 'release' in r;

describe('taking over a stale lock', () => {
  test('four runs taking over the same dead owner’s lock at once: never two holders (60 trials)', async () => {
    const dir = await tempDir();
    const dead = deadPid();
    let held = 0;
    for (let trial = 0; trial < 60; trial++) {
      plant(dir, `.cyclesync.lock.${trial + 1}`, { pid: dead, host: hostname() });
      const results = await Promise.all([outcome(dir), outcome(dir), outcome(dir), outcome(dir)]);
      const holders = results.filter(isLock);
      expect({ trial, holders: holders.length }).toEqual({ trial, holders: Math.min(holders.length, 1) });
      held += holders.length;
      for (const h of holders) await h.release();
      expect({ trial, left: locks(dir) }).toEqual({ trial, left: [] });
    }
    // Contention may make every run of a trial give up, but most trials have their one holder.
    expect(held).toBeGreaterThan(30);
  });

  test('a lock whose owner is a zombie (exited, not reaped) is taken over', async () => {
    const dir = await tempDir();
    // The background sleep's parent becomes `sleep 30`, which never reaps it: a zombie after 0.1 s.
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(
        await new Promise<string>(resolve => parent.stdout.once('data', (c: Buffer) => resolve(`${c}`)))
      );
      for (let i = 0; i < 100 && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); i++)
        await new Promise(r => setTimeout(r, 20));
      expect(() => process.kill(pid, 0)).not.toThrow(); // signal 0 alone would call it alive
      plant(dir, '.cyclesync.lock.1', { pid, host: hostname() });
      const lock = await acquireLock(dir);
      expect(locks(dir)).toEqual(['.cyclesync.lock.2']);
      await lock.release();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  test('a live pid that started at another time is a reused pid: its lock is stale', async () => {
    const dir = await tempDir();
    plant(dir, '.cyclesync.lock', { pid: process.pid, host: hostname(), started: 1 });
    const lock = await acquireLock(dir);
    await lock.release();
    expect(locks(dir)).toEqual([]);
  });

  test('another host’s lock is kept for 10 minutes, then taken over', async () => {
    const dir = await tempDir();
    plant(dir, '.cyclesync.lock.7', { pid: 1, host: 'elsewhere.invalid' });
    await expect(acquireLock(dir)).rejects.toMatchObject({ code: 'LOCKED', exitCode: 2 });
    const old = new Date(Date.now() - 11 * 60 * 1000);
    utimesSync(path.join(dir, '.cyclesync.lock.7'), old, old);
    const lock = await acquireLock(dir);
    expect(locks(dir)).toEqual(['.cyclesync.lock.8']);
    await lock.release();
  });
});

describe('what is planted in the folder', () => {
  test('links at every lock name a run might pick are not written through; the run’s lock is a new file', async () => {
    const dir = await tempDir();
    const victim = path.join(await tempDir(), 'victim');
    writeFileSync(victim, 'keep me\n');
    for (let n = 1; n <= 20; n++) symlinkSync(victim, path.join(dir, `.cyclesync.lock.${n}`));
    symlinkSync(victim, path.join(dir, `.cyclesync.lock.${process.pid}`));
    const lock = await acquireLock(dir);
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(lstatSync(lock.file).isFile()).toBe(true);
    expect(locks(dir)).toEqual([path.basename(lock.file)]);
    await lock.release();
  });

  test('a live owner keeps its lock: LOCKED, exit 2, naming it, and nothing of the second run is left', async () => {
    const dir = await tempDir();
    const first = await acquireLock(dir);
    const e = await outcome(dir);
    expect(isLock(e)).toBe(false);
    expect((e as CycleSyncError).message).toBe(
      `another cyclesync run (pid ${process.pid} on ${hostname()}) is writing to ${dir}`
    );
    expect(readdirSync(dir)).toEqual([path.basename(first.file)]);
    await first.release();
  });

  test('drafts of runs killed before they linked their lock are swept', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, `.cyclesync-tmp-lock-${deadPid()}-0123456789ab`), '{}');
    const lock = await acquireLock(dir);
    expect(readdirSync(dir)).toEqual([path.basename(lock.file)]);
    await lock.release();
  });
});
