import { describe, expect, test } from '@jest/globals';
import { expandCalendar } from '../../src/core/model/expand.js';
import { TEST_TODAY } from '../helpers/cycle-builder.js';
import { loadCalendars } from '../../src/io/load-calendars.js';
import { ROOT } from '../helpers/run-cli.js';

describe('extends: a planner overrides only what differs', () => {
  const load = () => loadCalendars({ cwd: ROOT, calendars: ['fixtures/extends/planner/ideal.yaml'] });

  test('the planner cycle replaces the built-in one of the same id; the others stay', async () => {
    const cycles = await load();
    expect(cycles.map(c => c.id)).toEqual(['socta', 'ideal', 'joint']);
    expect(cycles[1]!.files).toEqual(['fixtures/extends/planner/ideal.yaml', 'calendars/ideal.yaml']);
  });

  test('a planned date, a rule, a history entry and a title are overridden; the rest is inherited', async () => {
    const cycles = await load();
    const ideal = cycles[1]!;
    // IDEAL is placed from SOCTA: its instances are expanded with the whole calendar set.
    const expansion = expandCalendar(cycles, { today: TEST_TODAY });
    const occ2030 = expansion.instance('ideal', 2030);
    const at = (key: string, year?: number) =>
      occ2030.find(o => o.key === key && (year === undefined || o.year === year));
    expect(at('publication')).toMatchObject({ status: 'planned' });
    expect(at('publication')!.start.toString()).toBe('2029-06-19');
    expect(at('priorities')!.start.toString()).toBe('2029-08-20'); // +P2M = Sunday 19 Aug → Monday 20 Aug
    expect(at('cycle-end')!.start.toString()).toBe('2033-12-31'); // inherited
    const summit2026 = expansion.instance('ideal', 2026).find(o => o.key === 'summit' && o.year === 2026)!;
    expect([summit2026.start.toString(), summit2026.end.toString(), summit2026.source]).toEqual([
      '2026-02-26',
      '2026-02-27',
      'two-day summit (example)',
    ]);
    const summit = ideal.milestones.find(m => m.key === 'summit')!;
    expect(summit.title.es).toBe('Cumbre ministerial del CLASI');
    expect(summit.title.en).toBe('CLASI ministerial summit and presidency handover');
    expect(summit.history).toHaveLength(3); // the 2026 entry replaced, the others kept
  });

  test('planner holidays are added to the region list', async () => {
    const ideal = (await load())[1]!;
    expect(ideal.holidays.map(h => h.name)).toEqual(
      expect.arrayContaining(['Good Friday', 'Independence Day (Panama)'])
    );
  });

  test('the milestone location points at the planner file where it overrides, else at the built-in', async () => {
    const ideal = (await load())[1]!;
    expect(ideal.milestones.find(m => m.key === 'priorities')!.at).toMatchObject({
      file: 'fixtures/extends/planner/ideal.yaml',
      line: 11,
    });
    expect(ideal.milestones.find(m => m.key === 'pao')!.at?.file).toBe('calendars/ideal.yaml');
  });
});

describe('extends: recorded dates of history-only milestones', () => {
  test('two new meetings in a planner file are two entries, added to the inherited ones', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/cyclesync-joint-`);
    writeFileSync(
      `${dir}/joint.yaml`,
      [
        'extends: builtin:joint',
        'milestones:',
        '  ministerial:',
        '    planned:',
        "      - { date: '2026-10-13', source: planned (example) }",
        "      - { date: '2028-03-07', source: planned (example) }",
        '',
      ].join('\n')
    );
    const joint = (await loadCalendars({ cwd: ROOT, calendars: [`${dir}/joint.yaml`] })).find(c => c.id === 'joint')!;
    const ministerial = joint.milestones.find(m => m.key === 'ministerial')!;
    expect(ministerial.history).toHaveLength(3);
    expect(ministerial.planned.map(p => p.start.toString())).toEqual(['2026-10-13', '2028-03-07']);
  });
});
