// `cyclesync backtest` as a user runs it: the residuals of each testable rule, the bands projections carry, the
// untestable rules; in text, JSON and Markdown, in the three languages.
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

interface BacktestJson {
  today: string;
  rules: {
    milestone: string;
    basis: string;
    points: { instance: string; actual: string; predicted: string; residual: number }[];
    meanAbs: number;
    maxAbs: number;
  }[];
  untestable: { milestone: string; basis: string; points: number }[];
}

const backtest = (...args: string[]) => runCli(['backtest', '--today', '2026-11-28', ...args]);

describe('cyclesync backtest', () => {
  test('JSON: SOCTA missed 2017 by 12 days and 2021 by 27, leave-one-out', () => {
    const r = backtest('--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as BacktestJson;
    expect(doc.rules.find(x => x.milestone === 'socta.publication')).toEqual({
      milestone: 'socta.publication',
      basis: 'pattern',
      points: [
        { instance: '2018-2021', year: null, actual: '2017-03-09', predicted: '2017-03-21', residual: 12 },
        { instance: '2022-2025', year: null, actual: '2021-04-12', predicted: '2021-03-16', residual: -27 },
        { instance: '2026-2029', year: null, actual: '2025-03-18', predicted: '2025-03-18', residual: 0 },
      ],
      meanAbs: 13,
      maxAbs: 27,
      band: { early: 12, late: 27 },
    });
    expect(doc.untestable.map(u => u.milestone)).toContain('ideal.publication');
  });

  test('text and Markdown, in English and Spanish', () => {
    const text = backtest().stdout;
    expect(text).toMatch(
      /^socta\.publication +pattern +2017 \+12 d, 2021 −27 d, 2025 0 d +13 d +27 d +−12 d\/\+27 d$/m
    );
    expect(text).toContain('ideal.publication (assumed rule): 1 date(s) to test against');
    const md = backtest('--format', 'markdown', '--lang', 'es').stdout;
    expect(md).toContain(
      '| socta.publication | por patrón | 2017 +12 d, 2021 −27 d, 2025 0 d | 13 d | 27 d | −12 d/+27 d |'
    );
    expect(md).toContain('#### Sin contrastar');
  });

  test('a bad option is a usage error', () => {
    const r = backtest('--format', 'yaml');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});
