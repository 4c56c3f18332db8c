import { describe, expect, test } from '@jest/globals';
import { columns, visibleWidth, wrapText } from '../../src/render/columns.js';

const ROWS = [
  ['Dates', 'Cycle', 'Milestone', 'Status'],
  ['1 Jan 2022', 'socta', 'EMPACT operational action plan in force', '● actual'],
  ['20 Mar 2029', 'socta', 'SOCTA published', '○ projected · pattern rule'],
];

describe('wrapText', () => {
  test('breaks at spaces, and inside a word only when the word is longer than a line', () => {
    expect(wrapText('EMPACT operational action plan in force', 12)).toEqual([
      'EMPACT',
      'operational',
      'action plan',
      'in force',
    ]);
    expect(wrapText('Bi-regional task force', 5)).toEqual(['Bi-re', 'giona', 'l', 'task', 'force']);
    expect(wrapText('short', 40)).toEqual(['short']);
  });
});

describe('columns', () => {
  test('without a width, the columns are as wide as their widest cell and nothing wraps', () => {
    expect(columns(ROWS)).toEqual([
      'Dates        Cycle  Milestone                                Status',
      '1 Jan 2022   socta  EMPACT operational action plan in force  ● actual',
      '20 Mar 2029  socta  SOCTA published                          ○ projected · pattern rule',
    ]);
    expect(columns(ROWS, { width: 500, wrap: [2, 3] })).toEqual(columns(ROWS));
  });

  test('narrower than the table, the wrapping columns narrow in order: the first one, then the next', () => {
    const titleOnly = columns(ROWS, { width: 60, wrap: [2, 3] });
    expect(Math.max(...titleOnly.map(visibleWidth))).toBeLessThanOrEqual(60);
    expect(titleOnly).toEqual([
      'Dates        Cycle  Milestone     Status',
      '1 Jan 2022   socta  EMPACT        ● actual',
      '                    operational',
      '                    action plan',
      '                    in force',
      '20 Mar 2029  socta  SOCTA         ○ projected · pattern rule',
      '                    published',
    ]);
    // Narrower still: the title is at its longest word, so the status wraps too.
    const both = columns(ROWS, { width: 45, wrap: [2, 3] });
    expect(Math.max(...both.map(visibleWidth))).toBeLessThanOrEqual(45);
    expect(both.slice(-3)).toEqual([
      '20 Mar 2029  socta  SOCTA        ○ projected',
      '                    published    · pattern',
      '                                 rule',
    ]);
  });

  test('colour is painted on each line of a wrapped cell, and takes no width', () => {
    const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
    const painted = columns(ROWS, {
      width: 60,
      wrap: [2, 3],
      paint: (_row, column, text) => (column === 2 ? bold(text) : text),
    });
    expect(painted[2]).toBe(`                    ${bold('operational')}`);
    expect(painted.map(visibleWidth)).toEqual(columns(ROWS, { width: 60, wrap: [2, 3] }).map(visibleWidth));
  });
});
