// Each rule kind against fixtures that hold, break, and sit exactly on the boundary day (fixtures/alignment/kinds:
// one minimal SOCTA and IDEAL per case, one rule `r`, the expected outcome computed by hand in expected.json).
// `same-period` has no boundary day: two periods are equal or not.
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { FIXTURES, caseDirs, load, readJson, run } from './fixture.js';

interface Expected {
  rule: string;
  instance: string;
  why: string;
  holds: boolean;
  slackDays: number | null;
  measuredDays?: number;
}

const cases = caseDirs('kinds');

test('every kind has a holding, a breaking and (but same-period) a boundary fixture', () => {
  for (const kind of ['gap', 'before', 'nest', 'cadence-every', 'cadence-after', 'same-period'])
    for (const state of kind === 'same-period' ? ['holds', 'breaks'] : ['holds', 'breaks', 'boundary'])
      expect(cases).toContain(`${kind}-${state}`);
});

describe.each(cases)('%s', name => {
  test('evaluates as computed by hand', async () => {
    const dir = path.join(FIXTURES, 'kinds', name);
    const expected = readJson<Expected>(path.join(dir, 'expected.json'));
    const result = run(await load(dir), { instances: [2030] });
    const e = result.evaluations.find(x => x.rule === expected.rule && x.instance === expected.instance);
    expect(e).toBeDefined();
    expect({ holds: e!.holds, slackDays: e!.slackDays }).toEqual({
      holds: expected.holds,
      slackDays: expected.slackDays,
    });
    if (expected.measuredDays !== undefined) expect(e!.measuredDays).toBe(expected.measuredDays);
    // A boundary sits on the last allowed day: no slack left, still holding.
    if (name.endsWith('-boundary')) expect(e!.slackDays).toBe(0);
    expect(result.findings.includes(e!)).toBe(!expected.holds);
    expect(result.ok).toBe(expected.holds);
  });
});

test('a period rule compares no milestone: the engine points it at the `period` line of the movable cycle', async () => {
  const result = run(await load(path.join(FIXTURES, 'kinds', 'same-period-breaks')), { instances: [2030] });
  const [e] = result.findings;
  expect(e).toMatchObject({ rule: 'r', kind: 'same-period', milestones: [] });
  expect(e!.at).toMatchObject({ file: 'calendars/ideal.yaml', line: 6 });
});
