// The built-in calendars encode MODEL.md revision 2 row by row: each milestone's rule (checked on one instance
// ahead), basis, `since`, records with their evidence; the EU cycle's eras; and what the statuses promise:
// no projection before today, no slot before the body that holds it existed, records as known on a given day.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { Temporal } from 'temporal-polyfill';
import { backtest } from '../../../src/core/model/backtest.js';
import { expandBacktested } from '../../../src/core/model/backtest.js';
import { expandCalendar } from '../../../src/core/model/expand.js';
import { instanceContaining } from '../../../src/core/model/instances.js';
import type { Cycle, Occurrence } from '../../../src/core/model/types.js';
import { loadCalendars } from '../../../src/io/load-calendars.js';
import { ROOT } from '../../helpers/run-cli.js';

const d = (s: string) => Temporal.PlainDate.from(s);
const TODAY = d('2026-11-28');
let cycles: Cycle[];
beforeAll(async () => {
  cycles = await loadCalendars({ cwd: ROOT, calendars: [] });
});

const cycle = (id: string) => cycles.find(c => c.id === id)!;
const def = (id: string) => {
  const [c, k] = id.split('.');
  return cycle(c!).milestones.find(m => m.key === k)!;
};
/** Start (and end) of a slot as the model places it today, and how it is known. */
function slot(id: string, year: number, n = year): [string, string] {
  const [c, k] = id.split('.');
  const r = expandBacktested(cycles, TODAY).slot(c!, k!, year, n)!;
  return [r.start.equals(r.end) ? r.start.toString() : `${r.start.toString()}/${r.end.toString()}`, r.status];
}
const sinceOf = (id: string) => {
  const b = def(id).since;
  return b === undefined ? undefined : 'date' in b ? b.date.toString() : b.year;
};

describe('socta (EU: SOCTA → EMPACT)', () => {
  test('eras: a two-year initial cycle 2012-2013, four-year cycles from 2014-2017', () => {
    const socta = cycle('socta');
    expect(socta.eras.map(e => [e.from, e.periodYears])).toEqual([
      [2012, 2],
      [2014, 4],
      [2026, 4],
      [2030, 4],
    ]);
    expect(
      ['2012', '2013', '2014', '2018', '2026', '2030'].map(y => instanceContaining(socta, Number(y))!.label)
    ).toEqual(['2012-2013', '2012-2013', '2014-2017', '2018-2021', '2026-2029', '2030-2033']);
    // In the first era only the OCTA, the priorities, the OAPs and the cycle's start and end exist.
    const first = expandCalendar(cycles, { today: TODAY }).instance('socta', 2012);
    expect([...new Set(first.map(o => o.key))].sort()).toEqual(
      ['cycle-end', 'cycle-start', 'oap', 'priorities', 'publication'].sort()
    );
    expect(slot('socta.cycle-end', 2012)).toEqual(['2013-12-31', 'actual']);
    expect(first.filter(o => o.key === 'oap').map(o => o.year)).toEqual([2012, 2013]);
  });

  test.each([
    // [milestone, rule checked on 2030-2033 (projected), basis, since]
    ['socta.methodology', '2028-01-17', 'assumed', 2014], // 15 January Y−2, rolled past a Saturday
    ['socta.data-collection', '2028-04-01/2028-10-31', 'assumed', 2014],
    ['socta.drafting', '2028-11-01/2029-03-19', 'assumed', 2014],
    ['socta.publication', '2029-03-20', 'pattern', undefined], // third Tuesday of March of Y−1
    ['socta.cosi-examination', '2029-04-17', 'assumed', 2014], // publication + 4 weeks
    ['socta.priorities', '2029-05-29', 'pattern', undefined], // publication + 70 days, rolled
    ['socta.masp', '2029-07-01/2029-10-31', 'assumed', 2014],
    ['socta.interim-report', '2032-04-15', 'assumed', 2022], // April Y+2
    ['socta.midterm-review', '2031-12-15', 'assumed', 2014],
    ['socta.evaluation', '2033-01-01/2033-12-31', 'assumed', 2014],
    ['socta.evaluation-report', '2034-06-01', 'assumed', 2014], // first working day of June Y+4
    ['socta.cycle-start', '2030-01-01', 'verified', undefined],
    ['socta.cycle-end', '2033-12-31', 'verified', undefined],
  ])('%s: %s (%s rule)', (id, dates, basis, since) => {
    expect(slot(id, 2030)).toEqual([dates, 'projected']);
    expect(def(id).basis).toBe(basis);
    expect(sinceOf(id)).toBe(since);
  });

  test('yearly plans: OAP drafting in the autumn before, the OAP in force for its calendar year', () => {
    expect(slot('socta.oap-drafting', 2030, 2031)).toEqual(['2030-09-01/2030-12-15', 'projected']);
    expect(slot('socta.oap', 2030, 2031)).toEqual(['2031-01-01/2031-12-31', 'projected']);
    // Verified up to 2025 (a source states the rule: those years are actual), assumed from 2026.
    expect(slot('socta.oap', 2022, 2025)).toEqual(['2025-01-01/2025-12-31', 'actual']);
    expect(slot('socta.oap', 2026, 2026)).toEqual(['2026-01-01/2026-12-31', 'unrecorded']);
    // cycle-start and cycle-end are verified up to 2026-2029, assumed after.
    expect(
      cycle('socta')
        .eras.at(-1)!
        .milestones.find(m => m.key === 'cycle-start')!.basis
    ).toBe('assumed');
  });

  test('records: the SOCTAs and Council priorities, each with its own source and link', () => {
    expect(slot('socta.publication', 2012)).toEqual(['2011-03-01/2011-03-31', 'actual']);
    expect(slot('socta.publication', 2014)).toEqual(['2013-03-01/2013-03-31', 'actual']);
    expect(slot('socta.publication', 2018)).toEqual(['2017-03-09', 'actual']);
    expect(slot('socta.publication', 2022)).toEqual(['2021-04-12', 'actual']);
    expect(slot('socta.publication', 2026)).toEqual(['2025-03-18', 'actual']);
    expect(slot('socta.priorities', 2012)).toEqual(['2011-06-09', 'actual']);
    expect(slot('socta.priorities', 2026)).toEqual(['2025-06-13', 'actual']);
    expect(slot('socta.methodology', 2018)).toEqual(['2015-11-24', 'actual']);
    expect(slot('socta.interim-report', 2022)).toEqual(['2024-04-01/2024-04-30', 'actual']);
    expect(slot('socta.evaluation-report', 2014)).toEqual(['2018-06-04/2018-06-05', 'actual']);
    const socta2025 = def('socta.publication').history.find(h => h.instance === 2026)!;
    expect([socta2025.time, socta2025.url]).toEqual(['13:00', 'https://eucrim.eu/news/eu-socta-2025']);
  });
});

describe('ideal (Latin America: IDEAL → CLASI)', () => {
  test.each([
    // [milestone, 2030-2033 rule, basis, since]
    ['ideal.data-collection', '2028-09-20/2029-04-20', 'assumed', '2020-07-09'],
    ['ideal.publication', '2029-06-20', 'assumed', '2021-01-01'], // SOCTA + 3 months, rolled
    ['ideal.priorities', '2029-09-20', 'assumed', '2022-03-02'],
    ['ideal.strategic-plan', '2029-09-20/2029-12-20', 'assumed', '2022-03-02'],
    ['ideal.cycle-start', '2030-01-01', 'assumed', undefined],
    ['ideal.evaluation', '2033-01-01/2033-12-31', 'assumed', undefined],
    ['ideal.cycle-end', '2033-12-31', 'assumed', undefined],
  ])('%s: %s (%s rule)', (id, dates, basis, since) => {
    expect(slot(id, 2030)).toEqual([dates, 'projected']);
    expect(def(id).basis).toBe(basis);
    expect(sinceOf(id)).toBe(since);
  });

  test('yearly: Support Group in October of the year before, monitoring with it, PAOs, summits', () => {
    expect(slot('ideal.support-group', 2030, 2031)).toEqual(['2030-10-09', 'projected']);
    expect(slot('ideal.monitoring', 2030, 2031)).toEqual(['2030-10-09', 'projected']);
    expect(slot('ideal.pao', 2030, 2031)).toEqual(['2031-01-01/2031-12-31', 'projected']);
    expect(slot('ideal.summit', 2030, 2031)).toEqual(['2031-03-12', 'projected']);
    expect(sinceOf('ideal.support-group')).toBe('2023-01-01');
    expect(sinceOf('ideal.monitoring')).toBe('2023-01-01');
    expect(sinceOf('ideal.pao')).toBe(2025);
    expect(sinceOf('ideal.summit')).toBe(2022);
  });

  test('IDEAL editions: 1.0 launched in 2022-2025, 2.0 collected data and showed preliminary results, 3.0 has no launch', () => {
    expect(slot('ideal.publication', 2022)).toEqual(['2021-07-13', 'actual']);
    expect(def('ideal.publication').history.map(h => [h.instance, h.edition])).toEqual([[2022, '1.0']]);
    const results = def('ideal.results');
    expect(results.rule).toBeUndefined();
    expect(results.history.map(h => [h.start.toString(), h.edition, h.note])).toEqual([
      [
        '2024-03-13',
        '2.0',
        'Preliminary results ("resultados preliminares del IDEAL"), not a launch; the edition is inferred.',
      ],
    ]);
    const collection = def('ideal.data-collection').history[0]!;
    expect([collection.start.toString(), collection.endKnown, collection.edition]).toEqual([
      '2022-02-21',
      false,
      '2.0',
    ]);
    // IDEAL 3.0 (2026-2029): the slot the rule expected three months after SOCTA 2025 has no record.
    expect(slot('ideal.publication', 2026)).toEqual(['2025-06-18', 'unrecorded']);
  });

  test('records: the Support Group of 2025 (year only) and the first PAOs (from March 2025)', () => {
    expect(slot('ideal.support-group', 2026, 2026)).toEqual(['2025-01-01/2025-12-31', 'actual']);
    expect(slot('ideal.pao', 2022, 2025)).toEqual(['2025-03-01/2025-12-31', 'actual']);
    expect(slot('ideal.summit', 2022, 2022)).toEqual(['2022-11-07/2022-11-08', 'actual']);
    expect(slot('ideal.summit', 2026, 2026)).toEqual(['2026-02-26', 'actual']);
  });
});

describe('joint (EU–CLASI)', () => {
  const records = (id: string) =>
    def(id).history.map(h => `${h.start.toString()}${h.end.equals(h.start) ? '' : `/${h.end.toString()}`}`);

  test('meetings and documents are records only, each since the body or practice began', () => {
    for (const id of ['ministerial', 'senior-officials', 'taskforce-launch', 'roadmap', 'eu-celac-summit'])
      expect({ id, rule: def(`joint.${id}`).rule, basis: def(`joint.${id}`).basis }).toEqual({
        id,
        rule: undefined,
        basis: undefined,
      });
    expect(records('joint.ministerial')).toEqual(['2022-03-03', '2023-09-28', '2025-03-06']);
    expect(records('joint.senior-officials')).toEqual(['2024-05-30/2024-05-31', '2025-11-19/2025-11-20']);
    expect(records('joint.taskforce-launch')).toEqual(['2022-10-19']);
    expect(records('joint.roadmap')).toEqual(['2025-03-06/2026-12-31']);
    expect(records('joint.eu-celac-summit')).toEqual(['2023-07-17/2023-07-18', '2025-11-09/2025-11-10']);
  });

  test('the 2025 senior officials meeting is known from an announcement only: planned, not actual', () => {
    const occ = expandCalendar(cycles, { today: TODAY })
      .instance('joint', 2022)
      .filter(o => o.key === 'senior-officials');
    expect(occ.map(o => [o.start.toString(), o.status, o.announced])).toEqual([
      ['2024-05-30', 'actual', false],
      ['2025-11-19', 'planned', true],
    ]);
  });

  test('joint operations: calendar years from 2024 (clause 22 of September 2023 calls for them)', () => {
    expect(slot('joint.joint-operations', 2030, 2031)).toEqual(['2031-01-01/2031-12-31', 'projected']);
    expect(sinceOf('joint.joint-operations')).toBe(2024);
  });
});

describe('statuses over 2011-2034, as of 28 November 2026', () => {
  let all: Occurrence[];
  beforeAll(() => {
    all = expandBacktested(cycles, TODAY).overlapping({ from: d('2011-01-01'), to: d('2034-12-31') });
  });

  test('no projected occurrence before today: a past slot is actual, planned or has no record', () => {
    const early = all.filter(o => o.status === 'projected' && Temporal.PlainDate.compare(o.start, TODAY) < 0);
    expect(early.map(o => `${o.id} ${o.start.toString()}`)).toEqual([]);
    expect(all.some(o => o.status === 'unrecorded')).toBe(true);
  });

  test('no occurrence of a milestone before its since, nor of a cycle before its first instance', () => {
    const before = all.filter(o => {
      const m = def(o.id);
      const since = m.since;
      if (!since) return false;
      // A year names an instance's first year, a yearly milestone's year n, or a records-only one's calendar year.
      const year = m.yearly ? (o.year ?? 0) : m.rule ? o.instanceYear : o.start.year;
      return 'date' in since ? Temporal.PlainDate.compare(o.start, since.date) < 0 : year < since.year;
    });
    expect(before.map(o => `${o.id} ${o.start.toString()}`)).toEqual([]);
    for (const c of cycles) expect(all.filter(o => o.cycle === c.id && o.instanceYear < c.eras[0]!.from)).toEqual([]);
    // CLASI priorities and Support Group meetings of 2021, PAOs of 2022-2024, joint operations of 2022-2023: none.
    const absent = (id: string, pred: (o: Occurrence) => boolean) => all.filter(o => o.id === id && pred(o));
    expect(absent('ideal.priorities', o => o.start.year < 2022)).toEqual([]);
    expect(absent('ideal.support-group', o => o.start.year < 2023)).toEqual([]);
    expect(absent('ideal.pao', o => (o.year ?? 0) < 2025)).toEqual([]);
    expect(absent('joint.joint-operations', o => (o.year ?? 0) < 2024)).toEqual([]);
  });

  test('every projection carries its band or says it is untested; records carry no basis', () => {
    for (const o of all) {
      if (o.status === 'projected') expect(o.uncertainty).toBeDefined();
      if (o.derivation.start[0]?.kind === 'recorded') expect(o.basis).toBeUndefined();
    }
  });
});

describe('the calendar as it stood on a past day', () => {
  test('--today 2020-06-01 shows the records known then, and the rest as the rules placed it', () => {
    const asOf = d('2020-06-01');
    const then = expandCalendar(cycles, { today: asOf }).overlapping({ from: d('2011-01-01'), to: d('2034-12-31') });
    // The same calendar with every record written after that day removed by hand.
    const known = cycles.map(c => ({
      ...c,
      milestones: c.milestones.map(m => ({
        ...m,
        history: m.history.filter(h => Temporal.PlainDate.compare(h.knownFrom ?? h.start, asOf) <= 0),
      })),
      eras: c.eras.map(e => ({
        ...e,
        milestones: e.milestones.map(m => ({
          ...m,
          history: m.history.filter(h => Temporal.PlainDate.compare(h.knownFrom ?? h.start, asOf) <= 0),
        })),
      })),
    }));
    const byHand = expandCalendar(known, { today: d('2999-12-31') }).overlapping({
      from: d('2011-01-01'),
      to: d('2034-12-31'),
    });
    const view = (list: Occurrence[]) =>
      list.map(o => `${o.id} ${o.instance} ${o.start.toString()} ${o.end.toString()}`);
    expect(view(then)).toEqual(view(byHand));
    // SOCTA 2021 and 2025 were not published yet: projected from the rule, not actual.
    const pub = then.filter(o => o.id === 'socta.publication' && o.instanceYear >= 2022);
    expect(pub.slice(0, 2).map(o => [o.start.toString(), o.status])).toEqual([
      ['2021-03-16', 'projected'],
      ['2025-03-18', 'projected'],
    ]);
    expect(then.find(o => o.id === 'socta.publication' && o.instanceYear === 2018)?.status).toBe('actual');
  });
});

describe('back-testing', () => {
  test('reproduces the figures of FACTS.md: SOCTA 2017 +12, 2021 −27, 2025 0; priorities 2021 +26, 2025 −17', () => {
    const bt = backtest(cycles, TODAY);
    const rule = (id: string) => bt.rules.find(r => r.milestone === id)!;
    expect(rule('socta.publication').points.map(p => [p.actual.year, p.residual])).toEqual([
      [2017, 12],
      [2021, -27],
      [2025, 0],
    ]);
    expect(rule('socta.publication')).toMatchObject({ early: 12, late: 27, maxAbs: 27, meanAbs: 13 });
    expect(rule('socta.priorities').points.map(p => [p.actual.year, p.residual])).toEqual([
      [2017, 0],
      [2021, 26],
      [2025, -17],
    ]);
    // The summit's pattern missed 2022 by 243 days and 2026 by 13 (the FACTS figure for 2022, −244, was
    // measured to the summit's second day).
    expect(rule('ideal.summit').points.map(p => [p.actual.year, p.residual])).toEqual([
      [2022, -243],
      [2024, 0],
      [2026, 13],
    ]);
    // A rule with fewer than two day-precise actual dates is untestable, and its projections say so.
    expect(bt.untestable.find(u => u.milestone === 'ideal.publication')).toEqual({
      milestone: 'ideal.publication',
      basis: 'assumed',
      points: 1,
    });
  });

  test('chained rules add the bands of what they start from', () => {
    const o = expandBacktested(cycles, TODAY)
      .instance('socta', 2030)
      .find(x => x.key === 'priorities')!;
    // priorities (early 26, late 17) placed from publication (early 12, late 27)
    expect(o.uncertainty!.parts.map(p => [p.milestone, p.early, p.late])).toEqual([
      ['socta.priorities', 26, 17],
      ['socta.publication', 12, 27],
    ]);
  });
});
