// cli/clock.ts reads "today" through Date, not Temporal.Now, to keep ICU's date formatting out of start-up.
// Both must name the same day in every time zone. The zones are read in one child process, which sets TZ
// before each (Node reloads the zone when TZ changes); together they span UTC−12 to UTC+14, so at any moment
// they cover two calendar days.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { ROOT } from '../helpers/run-cli.js';

const ZONES = [
  'UTC',
  'Etc/GMT+12',
  'Pacific/Pago_Pago',
  'America/Santiago',
  'America/St_Johns',
  'Europe/Brussels',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'EST5EDT',
];

const PROBE = `
import { Temporal } from 'temporal-polyfill';
import { resolveToday } from './src/cli/clock.js';
const days = {};
for (const tz of ${JSON.stringify(ZONES)}) {
  process.env.TZ = tz;
  days[tz] = { ours: resolveToday(undefined).toString(), temporal: Temporal.Now.plainDateISO().toString() };
}
process.stdout.write(JSON.stringify(days));
`;

let days: Record<string, { ours: string; temporal: string }>;
beforeAll(() => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  days = JSON.parse(r.stdout) as typeof days;
});
const todayIn = (tz: string) => days[tz]!;

describe("today without --today is the system's local date, as Temporal.Now gives it", () => {
  test.each(ZONES)('TZ=%s', tz => {
    const { ours, temporal } = todayIn(tz);
    expect(ours).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ours).toBe(temporal);
  });

  test('the zones really disagree on the day (so the comparison above can fail)', () => {
    const days = new Set(['Etc/GMT+12', 'Pacific/Kiritimati'].map(tz => todayIn(tz).ours));
    expect(days.size).toBe(2);
  });
});
