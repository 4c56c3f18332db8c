import { describe, expect, test } from '@jest/globals';
import { isCycleSyncError } from '../../../src/errors.js';
import { aCycle, aMilestone, expandCycles, expandInstance } from '../../helpers/cycle-builder.js';
import { d } from '../../helpers/dates.js';

const EU_HOLIDAYS = `holidays:
  - { name: New Year, fixed: '01-01' }
  - { name: Easter Monday, easter: 1 }
  - { name: Ascension Day, easter: 39 }
  - { name: Whit Monday, easter: 50 }
  - { name: Christmas closure, fixed: '12-24', through: '12-31' }
`;

/** The start (and end) of milestone `key` in the instance starting in Y=2026. */
function dates(milestones: string, key: string, opts: { holidays?: string; firstYear?: number } = {}) {
  const cycle = aCycle(`${opts.holidays ?? ''}milestones:\n${milestones}`, { firstYear: opts.firstYear ?? 2026 });
  const occ = expandInstance(cycle, opts.firstYear ?? 2026).filter(o => o.key === key);
  return occ.map(o => (o.start.equals(o.end) ? o.start.toString() : `${o.start.toString()}/${o.end.toString()}`));
}

describe('date rules', () => {
  test.each([
    // [what, rule, expected]
    ['origin', '{ from: origin }', '2026-01-01'],
    ['negative whole years', '{ from: origin, offset: -P2Y }', '2024-01-01'],
    ['fixed day of Y−1', "{ on: '03-18', year: -1 }", '2025-03-18'],
    ['leap day in a leap year', "{ on: '02-29', year: -2 }", '2024-02-29'],
    ['leap day clamps in a common year', "{ on: '02-29', year: 0 }", '2026-02-28'],
    ['third Tuesday of March of Y+3', '{ nth: 3, weekday: TU, month: 3, year: 3 }', '2029-03-20'],
    ['last Friday of December', '{ nth: -1, weekday: FR, month: 12, year: 0 }', '2026-12-25'],
  ])('%s', (_what, rule, expected) => {
    expect(dates(aMilestone('m', `date: ${rule}`), 'm')).toEqual([expected]);
  });

  test.each([
    // Month arithmetic clamps to the end of the target month.
    ["{ on: '01-31', year: 0 }", '{ from: a, offset: P1M }', '2026-02-28'],
    ["{ on: '01-31', year: -2 }", '{ from: a, offset: P1M }', '2024-02-29'],
    ["{ on: '03-31', year: 0 }", '{ from: a, offset: -P1M }', '2026-02-28'],
    ["{ on: '02-29', year: -2 }", '{ from: a, offset: P1Y }', '2025-02-28'],
    ["{ on: '07-14', year: -1 }", '{ from: a, offset: -P9M }', '2024-10-14'],
    ["{ on: '12-20', year: 0 }", '{ from: a, offset: P2W }', '2027-01-03'],
    ["{ on: '03-18', year: -1 }", '{ from: a, offset: P70D }', '2025-05-27'],
  ])('offset from another milestone: %s then %s', (a, b, expected) => {
    expect(dates(aMilestone('a', `date: ${a}`) + aMilestone('b', `date: ${b}`), 'b')).toEqual([expected]);
  });

  test('a window can end the day before another milestone', () => {
    const ms =
      aMilestone('pub', '{ nth: 3, weekday: TU, month: 3, year: -1 }'.replace(/^/, 'date: ')) +
      aMilestone('draft', "start: { on: '11-01', year: -2 }\nend: { from: pub, offset: -P1D }", 'window');
    expect(dates(ms, 'draft')).toEqual(['2024-11-01/2025-03-17']);
  });

  test('a reference to a window end uses its last day', () => {
    const ms =
      aMilestone('w', "start: { on: '07-01', year: 0 }\nend: { on: '10-31', year: 0 }", 'window') +
      aMilestone('after', 'date: { from: w.end, offset: P1D }');
    expect(dates(ms, 'after')).toEqual(['2026-11-01']);
  });
});

describe('working days', () => {
  test.each([
    // [what, rule, expected]
    ['Saturday rolls to Monday', "{ on: '03-21', year: 0, roll: next }", '2026-03-23'],
    ['Saturday rolls back to Friday', "{ on: '03-21', year: 0, roll: previous }", '2026-03-20'],
    ['a working day stays', "{ on: '03-18', year: 0, roll: next }", '2026-03-18'],
    ['Easter Monday 2025 (21 April) is a holiday', "{ on: '04-21', year: -1, roll: next }", '2025-04-22'],
    ['Ascension 2026 (14 May) then Friday', "{ on: '05-14', year: 0, roll: next }", '2026-05-15'],
    ['Whit Monday 2026 (25 May)', "{ on: '05-25', year: 0, roll: next }", '2026-05-26'],
    ['the Christmas closure rolls across the year end', "{ on: '12-24', year: 0, roll: next }", '2027-01-04'],
    ['…and backwards into the previous week', "{ on: '12-28', year: 0, roll: previous }", '2026-12-23'],
  ])('%s', (_what, rule, expected) => {
    expect(dates(aMilestone('m', `date: ${rule}`), 'm', { holidays: EU_HOLIDAYS })).toEqual([expected]);
  });

  test('Holy Thursday and Good Friday (Easter-relative, negative) close a Latin American office', () => {
    const holidays = `holidays:\n  - { name: Holy Thursday, easter: -3 }\n  - { name: Good Friday, easter: -2 }\n`;
    // Easter 2026 is 5 April: Thursday 2 and Friday 3 April are closed, then the weekend.
    expect(dates(aMilestone('m', "date: { on: '04-02', year: 0, roll: next }"), 'm', { holidays })).toEqual([
      '2026-04-06',
    ]);
  });

  test('a one-off holiday date closes that day only', () => {
    const holidays = `holidays:\n  - { name: Summit, date: '2026-06-10' }\n`;
    expect(dates(aMilestone('m', "date: { on: '06-10', year: 0, roll: next }"), 'm', { holidays })).toEqual([
      '2026-06-11',
    ]);
  });

  test('notAfter pulls a late date back, then to a working day inside the bound', () => {
    // 2025-05-27 + 60 days = 2025-07-26, after 30 June: pulled back to Monday 30 June 2025.
    const rule = "date: { from: pub, offset: P60D, roll: next, notAfter: { on: '06-30', year: -1 } }";
    const ms = aMilestone('pub', "date: { on: '05-27', year: -1 }") + aMilestone('prio', rule);
    expect(dates(ms, 'prio', { holidays: EU_HOLIDAYS })).toEqual(['2025-06-30']);
  });

  test('notBefore rolls forward inside the bound', () => {
    // Bound 2026-02-28 is a Saturday: the date moves to Monday 2 March.
    const rule = "date: { on: '02-01', year: 0, roll: next, notBefore: { on: '02-28', year: 0 } }";
    expect(dates(aMilestone('m', rule), 'm')).toEqual(['2026-03-02']);
  });

  test('the roll is recorded in the derivation with the days it skipped', () => {
    const cycle = aCycle(`${EU_HOLIDAYS}milestones:\n${aMilestone('m', "date: { on: '12-24', year: 0, roll: next }")}`);
    const [occ] = expandInstance(cycle, 2026);
    const roll = occ!.derivation.start.find(s => s.kind === 'roll');
    expect(roll).toMatchObject({ kind: 'roll', direction: 'next' });
    expect(roll?.kind === 'roll' && roll.skipped.map(s => s.reason)).toEqual([
      'Christmas closure',
      'Christmas closure',
      'weekend',
      'weekend',
      ...Array(4).fill('Christmas closure'),
      'New Year',
      'weekend',
      'weekend',
    ]);
  });
});

describe('yearly milestones and recorded dates', () => {
  const body = (extra = '') =>
    `milestones:\n` +
    aMilestone('meeting', 'repeat: yearly\ndate: { nth: 2, weekday: WE, month: 10, year: -1 }') +
    aMilestone('review', 'repeat: yearly\ndate: { from: meeting }') +
    aMilestone('pub', 'date: { nth: 2, weekday: TU, month: 7, year: -1 }' + extra);

  test('a yearly milestone occurs once for each year of the instance, and yearly references pair by year', () => {
    const occ = expandInstance(aCycle(body()), 2026);
    const meeting = occ.filter(o => o.key === 'meeting').map(o => `${o.year}:${o.start.toString()}`);
    const review = occ.filter(o => o.key === 'review').map(o => `${o.year}:${o.start.toString()}`);
    expect(meeting).toEqual(['2026:2025-10-08', '2027:2026-10-14', '2028:2027-10-13', '2029:2028-10-11']);
    expect(review).toEqual(meeting);
  });

  test('history beats planned beats the rule, per instance', () => {
    const extra = `
history:
  - { instance: 2026, date: '2024-03-13', source: IDEAL 2.0 results, confidence: M }
planned:
  - { instance: 2026, date: '2025-07-01', source: 'ignored: actual wins' }
  - { instance: 2030, date: '2029-09-04', source: planners }`;
    const cycle = aCycle(body(extra));
    const pub = expandCycles([cycle], { from: d('2020-01-01'), to: d('2035-12-31') }).filter(o => o.key === 'pub');
    expect(pub.map(o => [o.instance, o.start.toString(), o.status, o.confidence ?? null])).toEqual([
      ['2026-2029', '2024-03-13', 'actual', 'M'],
      ['2030-2033', '2029-09-04', 'planned', null],
      ['2034-2037', '2033-07-12', 'projected', null],
    ]);
  });

  test('a date known only to the month spans the month, with month precision', () => {
    const cycle = aCycle(body(`\nhistory:\n  - { instance: 2026, date: '2025-03', source: month only }`));
    const [pub] = expandInstance(cycle, 2026).filter(o => o.key === 'pub');
    expect([pub!.start.toString(), pub!.end.toString(), pub!.precision]).toEqual(['2025-03-01', '2025-03-31', 'month']);
  });

  test('references resolve from actual dates, so dependants follow history', () => {
    const cycle = aCycle(
      `milestones:\n` +
        aMilestone(
          'pub',
          "date: { nth: 2, weekday: TU, month: 7, year: -1 }\nhistory:\n  - { instance: 2026, date: '2024-03-13', source: s }"
        ) +
        aMilestone('prio', 'date: { from: pub, offset: P3M }')
    );
    const [prio] = expandInstance(cycle, 2026).filter(o => o.key === 'prio');
    expect(prio!.start.toString()).toBe('2024-06-13');
    expect(prio!.derivation.start[0]).toMatchObject({ kind: 'offset', from: 'pub', fromStatus: 'actual' });
  });

  test('a history-only milestone takes the instance containing its date', () => {
    const cycle = aCycle(
      `milestones:\n` +
        aMilestone('meet', "history:\n  - { date: '2025-03-06', source: s }\n  - { date: '2027-05-30', source: s }"),
      { firstYear: 2022 }
    );
    const occ = expandCycles([cycle], { from: d('2020-01-01'), to: d('2030-12-31') }, d('2028-01-01'));
    expect(occ.map(o => `${o.instance} ${o.start.toString()}`)).toEqual([
      '2022-2025 2025-03-06',
      '2026-2029 2027-05-30',
    ]);
    // As of a day before it, the 2027 meeting is not known yet: history is what sources had reported by then.
    const before = expandCycles([cycle], { from: d('2020-01-01'), to: d('2030-12-31') }, d('2026-01-01'));
    expect(before.map(o => o.start.toString())).toEqual(['2025-03-06']);
  });
});

describe('invalid models are input errors, not crashes', () => {
  const error = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (isCycleSyncError(e)) return e;
      throw e;
    }
    throw new Error('expected an error');
  };

  test('a reference loop names the loop', () => {
    const e = error(() =>
      aCycle(
        `milestones:\n${aMilestone('a', 'date: { from: b }')}${aMilestone('b', 'date: { from: c }')}${aMilestone('c', 'date: { from: a }')}`
      )
    );
    expect(e.code).toBe('REFERENCE_LOOP');
    expect(e.message).toBe('reference loop: test.a → test.b → test.c → test.a');
  });

  test('a per-instance milestone cannot refer to a yearly one', () => {
    const e = error(() =>
      aCycle(
        `milestones:\n${aMilestone('y', "repeat: yearly\ndate: { on: '01-01', year: 0 }")}${aMilestone('p', 'date: { from: y }')}`
      )
    );
    expect(e.message).toContain('refers to the yearly milestone "y"');
  });

  test('a window that ends before it starts says which instance', () => {
    const cycle = aCycle(
      `milestones:\n${aMilestone('w', "start: { on: '10-01', year: 0 }\nend: { on: '09-01', year: 0 }", 'window')}`
    );
    expect(error(() => expandInstance(cycle, 2026)).message).toBe(
      'test.w ends (2026-09-01) before it starts (2026-10-01) in instance 2026-2029'
    );
  });

  test('a recorded date must name an instance that exists', () => {
    const e = error(() =>
      aCycle(
        `milestones:\n${aMilestone('p', "date: { on: '01-01', year: 0 }\nhistory:\n  - { instance: 2027, date: '2027-01-01', source: s }")}`
      )
    );
    expect(e.message).toBe('2027 is not the first year of an instance of "test"');
  });
});
