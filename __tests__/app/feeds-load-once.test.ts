// buildFeeds reads the calendars once: the alignment check behind the findings of joint.ics runs on the
// cycles the feeds are built from instead of loading (and validating) every calendar file again; a `serve`
// build makes its report from those cycles too.
import { expect, jest, test } from '@jest/globals';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';

const real = await import('../../src/io/load-calendars.js');
let loads = 0;
jest.unstable_mockModule('../../src/io/load-calendars.js', () => ({
  ...real,
  loadCalendars: (...args: Parameters<typeof real.loadCalendars>) => {
    loads++;
    return real.loadCalendars(...args);
  },
}));
const { buildFeeds } = await import('../../src/app/feeds.js');
const { makeServeBuilder } = await import('../../src/app/serve-build.js');
const { ROOT } = await import('../helpers/run-cli.js');

jest.setTimeout(60_000);

const ctx = {
  cwd: ROOT,
  today: Temporal.PlainDate.from('2026-11-29'),
  now: Temporal.Instant.from('2026-11-29T12:00:00Z'),
};
const planner = path.join(ROOT, 'fixtures/feeds/planner/moved');

test('one loadCalendars per build, findings included', async () => {
  loads = 0;
  const built = await buildFeeds(ctx, {
    calendars: [planner],
    langs: ['en'],
    from: Temporal.PlainDate.from('2026-01-01'),
    to: Temporal.PlainDate.from('2027-12-31'),
  });
  expect(built.inputs.some(f => f.includes('alignment'))).toBe(true);
  expect(loads).toBe(1);
});

test('one loadCalendars per serve build: the report uses the cycles of the feeds', async () => {
  loads = 0;
  const build = await makeServeBuilder()(ctx, { calendars: [planner], langs: ['en'] });
  expect(build.entries.map(e => e.path)).toContain('/');
  expect(loads).toBe(1);
});
