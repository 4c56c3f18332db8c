// A write that fails half-way through the publish (what a disk filling up between two files does), without
// needing root for a tmpfs: the real atomic writer is used for the first files, then it reports ENOSPC as
// the real one does. The run must fail with exit 2, release its lock, and every file must be the old or the
// new one, complete, with no feeds.json that disagrees with them; the next run then publishes a consistent set.
import { expect, jest, test } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../src/errors.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const real = await import('../../src/io/write-output.js');
let failAfter = Infinity;
let writes = 0;
jest.unstable_mockModule('../../src/io/write-output.js', () => ({
  ...real,
  writeFileAtomic: async (target: string, content: string | Uint8Array) => {
    if (writes++ >= failAfter)
      throw new CycleSyncError({
        code: 'WRITE_FAILED',
        message: `could not write ${target}: ENOSPC: no space left on device, write`,
        at: { file: target },
      });
    return real.writeFileAtomic(target, content);
  },
}));
const { writeFeeds } = await import('../../src/app/feeds.js');
const { ROOT } = await import('../helpers/run-cli.js');
const { manifestDisagreements } = await import('../helpers/manifest.js');

// Builds and CLI runs are slow on a loaded machine (the whole suite runs in parallel on two cores).
jest.setTimeout(60_000);

const tempDir = tempDirs('cyclesync-enospc-');

const ctx = (now: string) => ({
  cwd: ROOT,
  today: Temporal.PlainDate.from('2026-11-29'),
  now: Temporal.Instant.from(now),
});
const opts = (out: string, calendars: string[]) => ({
  calendars,
  langs: ['en' as const],
  findings: false,
  out,
  from: Temporal.PlainDate.from('2026-01-01'),
  to: Temporal.PlainDate.from('2028-12-31'),
});
const snapshot = async (dir: string): Promise<Record<string, string>> =>
  Object.fromEntries(
    await Promise.all((await readdir(dir)).sort().map(async n => [n, await readFile(path.join(dir, n), 'utf8')]))
  );

test('a disk that fills while the third file is written: exit 2, lock released, each file old or new and complete', async () => {
  const out = await tempDir();
  await writeFeeds(ctx('2026-11-29T12:00:00Z'), opts(out, []));
  const before = await snapshot(out);

  writes = 0;
  failAfter = 2; // the state and eu.ics are written, latam.ics fails
  const moved = [path.join(ROOT, 'fixtures/feeds/planner/moved')];
  await expect(writeFeeds(ctx('2026-12-01T00:00:00Z'), opts(out, moved))).rejects.toMatchObject({
    code: 'WRITE_FAILED',
    exitCode: 2,
  });
  const after = await snapshot(out);
  // feeds.json was to change, so it went first and comes back only over a complete set.
  expect(Object.keys(after)).toEqual(Object.keys(before).filter(n => n !== 'feeds.json'));
  expect(await manifestDisagreements(out)).toEqual([]);
  expect(after['latam.ics']).toBe(before['latam.ics']);
  expect(after['joint.ics']).toBe(before['joint.ics']);
  for (const [name, body] of Object.entries(after))
    if (name.endsWith('.ics')) expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);

  // Disk space back: the next run publishes the moved milestone with the SEQUENCE the state recorded.
  failAfter = Infinity;
  await writeFeeds(ctx('2026-12-02T00:00:00Z'), opts(out, moved));
  expect(Object.keys(await snapshot(out))).toEqual(Object.keys(before));
  expect(await manifestDisagreements(out)).toEqual([]);
  const latam = (await readFile(path.join(out, 'latam.ics'), 'utf8')).replace(/\r\n /g, '');
  const event = latam.slice(latam.indexOf('UID:ideal.summit.2026-2029.2028@'));
  expect(event).toMatch(/^UID:[^\r]+\r\nSEQUENCE:1\r\nDTSTAMP:20261201T000000Z\r\n/);
});
