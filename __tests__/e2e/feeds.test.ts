// `cyclesync feeds` as a user runs it: same bytes whatever TZ and LANG, usage errors, the lock, and a full
// disk (a 64 KiB tmpfs, when this process may mount one) leaving the previous feeds intact with exit 2.
import { afterAll, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

// Builds and CLI runs are slow on a loaded machine (the whole suite runs in parallel on two cores).
jest.setTimeout(60_000);

const SMALL = ['--today', '2026-11-29', '--from', '2026-01-01', '--to', '2026-12-31', '--domain', 'example.org'];
const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };
const tempDir = tempDirs('cyclesync-cli-feeds-');

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(path.join(dir, name), 'latin1');
  return out;
}

describe('cyclesync feeds', () => {
  test('writes the feeds, and the same bytes under odd TZ and LANG', async () => {
    const a = await tempDir();
    const b = await tempDir();
    const args = ['feeds', ...SMALL, '--lang', 'es,en'];
    const r1 = runCli([...args, '--out', a], { env: { ...EPOCH, TZ: 'America/Santiago', LANG: 'es_CL.UTF-8' } });
    const r2 = runCli([...args, '--out', b], {
      env: { ...EPOCH, TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
    });
    expect(r1.stderr).toBe('');
    expect(r1.status).toBe(0);
    expect(r2.status).toBe(0);
    expect(r1.stdout).toMatch(/^wrote 7 files to /);
    expect(Object.keys(await snapshot(a))).toEqual([
      '.cyclesync-state.json',
      'eu.en.ics',
      'eu.ics',
      'feeds.json',
      'joint.en.ics',
      'joint.ics',
      'latam.en.ics',
      'latam.ics',
    ]);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    const joint = await readFile(path.join(a, 'joint.ics'), 'utf8');
    expect(joint).toContain('DTSTAMP:20261118T110640Z\r\n');
    expect(joint).toContain('NAME:cyclesync: calendario conjunto UE–CLASI\r\n');
  });

  test.each([
    [['--lang', 'en,fr'], /names an unknown language \("fr"\)/],
    [['--base-url', 'http://example.org/'], /must use https/],
    [['--remind', 'P14D,soon'], /--remind "soon"/],
    [['--grace', 'P1M'], /--grace "P1M"/],
    [['--domain', 'Example..org'], /--domain/],
  ])('refuses %j with exit 2 and writes nothing', async (extra, message) => {
    const out = await tempDir();
    const r = runCli(['feeds', ...SMALL, '--out', out, ...extra]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(await readdir(out)).toEqual([]);
  });

  test('a live lock stops a second run (exit 2); a dead owner’s lock and stale temp files are swept', async () => {
    const out = await tempDir();
    await writeFile(
      path.join(out, '.cyclesync.lock'),
      JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname() })
    );
    const locked = runCli(['feeds', ...SMALL, '--out', out]);
    expect(locked.status).toBe(2);
    expect(locked.stderr).toMatch(/another cyclesync run \(pid \d+ on .*\) is writing to/);
    expect(await readdir(out)).toEqual(['.cyclesync.lock']);

    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(
      path.join(out, '.cyclesync.lock'),
      JSON.stringify({ pid: Number(dead.stdout), host: (await import('node:os')).hostname() })
    );
    await writeFile(path.join(out, '.cyclesync-tmp-joint.ics-0123456789ab'), 'BEGIN:VCALENDAR\r\nhalf');
    const r = runCli(['feeds', ...SMALL, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('removed 1 stale temp file(s) of an interrupted run');
    expect((await readdir(out)).filter(n => n.startsWith('.cyclesync-tmp') || n.startsWith('.cyclesync.lock'))).toEqual(
      []
    );
  });

  test('without --domain: one warning that the UIDs cannot move to a real domain later', async () => {
    const r = runCli(['feeds', ...SMALL.slice(0, 6), '--out', await tempDir()]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      'warning: no --domain: event UIDs end in @cyclesync.invalid, and moving them to a real domain later makes every subscriber see each event twice; pass --domain with a domain you control, and keep it\n'
    );
  });
});

describe('a full disk', () => {
  const mountPoint = path.join(tmpdir(), `cyclesync-full-${process.pid}`);
  const canMount = (): boolean => {
    if (process.getuid?.() !== 0) return false;
    spawnSync('mkdir', ['-p', mountPoint]);
    return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]).status === 0;
  };
  const mounted = canMount();
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
    spawnSync('rmdir', [mountPoint]);
  });

  (mounted ? test : test.skip)(
    'leaves the previous feeds intact, exits 2 and leaves no temp file (64 KiB tmpfs)',
    async () => {
      const first = runCli(
        [
          'feeds',
          ...SMALL.slice(0, 2),
          '--from',
          '2026-06-01',
          '--to',
          '2026-08-31',
          '--domain',
          'x.org',
          '--out',
          mountPoint,
        ],
        { env: EPOCH }
      );
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      const before = await snapshot(mountPoint);
      const full = runCli(['feeds', '--today', '2026-11-29', '--lang', 'en,es,pt', '--out', mountPoint], {
        env: EPOCH,
      });
      expect(full.status).toBe(2);
      expect(full.stderr).toMatch(/could not write .*(ENOSPC|no space)/i);
      const after = await snapshot(mountPoint);
      expect(Object.keys(after).filter(n => n.startsWith('.cyclesync-tmp') || n.startsWith('.cyclesync.lock'))).toEqual(
        []
      );
      // Every feed that was there is either untouched or (written before the disk filled) complete and valid.
      for (const [name, text] of Object.entries(before))
        if (name.endsWith('.ics'))
          expect(after[name] === text || after[name]!.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(after['joint.ics']).toBe(before['joint.ics']);
    }
  );
});
