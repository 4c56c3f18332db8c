// A zone `validate` accepts is one `feeds` publishes: IANA links are read as their canonical zone everywhere,
// the VTIMEZONE included. Before, these passed validate and check, then feeds failed with "this is a bug".
import { expect, jest, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

jest.setTimeout(60_000);
const tempDir = tempDirs('cyclesync-zones-');

const calendar = (zone: string) => `extends: builtin:ideal
zone: ${zone}
milestones:
  publication:
    planned:
      - { instance: 2030, date: '2029-06-12', time: '10:00', source: test }
`;

test.each([
  ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ['Asia/Calcutta', 'Asia/Kolkata'],
  ['Europe/Kiev', 'Europe/Kyiv'],
  ['US/Eastern', 'America/New_York'],
])('%s: validate, check, plan and feeds all take it, as %s', async (zone, canonical) => {
  const dir = await tempDir();
  const file = path.join(dir, 'ideal.yaml');
  writeFileSync(file, calendar(zone));
  const args = ['--calendars', file, '--today', '2026-11-29'];
  expect(runCli(['validate', '--calendars', file]).status).toBe(0);
  expect(runCli(['check', ...args]).status).not.toBe(2);
  const plan = JSON.parse(runCli(['plan', ...args, '--cycle', 'ideal', '--format', 'json']).stdout) as {
    milestones: Array<{ id: string; time?: string; zone: string }>;
  };
  expect(plan.milestones.find(m => m.id === 'ideal.publication' && m.time === '10:00')?.zone).toBe(canonical);

  const out = path.join(dir, 'out');
  const feeds = runCli([
    'feeds',
    ...args,
    '--domain',
    'example.org',
    '--out',
    out,
    '--from',
    '2029-01-01',
    '--to',
    '2029-12-31',
  ]);
  expect([feeds.status, feeds.stderr]).toEqual([0, '']);
  const latam = readFileSync(path.join(out, 'latam.ics'), 'utf8');
  const cal = new ICAL.Component(ICAL.parse(latam));
  expect(cal.getAllSubcomponents('vtimezone').map(z => z.getFirstPropertyValue('tzid'))).toContain(canonical);
  const timed = cal
    .getAllSubcomponents('vevent')
    .map(e => e.getFirstProperty('dtstart')?.getParameter('tzid'))
    .filter(t => t !== undefined);
  expect(timed).toEqual([canonical]);
  expect(latam).not.toContain(`TZID=${zone}:`);
});

test('a zone with the wrong capitals is refused by check too, with the zone meant', async () => {
  const file = path.join(await tempDir(), 'ideal.yaml');
  writeFileSync(file, calendar('america/panama'));
  const r = runCli(['check', '--calendars', file, '--today', '2026-11-29']);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('did you mean "America/Panama"?');
});
