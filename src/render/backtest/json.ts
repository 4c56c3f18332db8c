// `backtest --format json`: `{"today","rules":[{"milestone","basis","points":[{"instance","year","actual",
// "predicted","residual"}],"meanAbs","maxAbs","band":{"early","late"}}],"untestable":[{"milestone","basis","points"}]}`.
import type { Temporal } from 'temporal-polyfill';
import type { Backtest } from '../../core/model/backtest.js';

export const backtestData = (bt: Backtest, today: Temporal.PlainDate) => ({
  today: today.toString(),
  rules: bt.rules.map(r => ({
    milestone: r.milestone,
    basis: r.basis,
    points: r.points.map(p => ({
      instance: p.instance,
      year: p.year ?? null,
      actual: p.actual.toString(),
      predicted: p.predicted.toString(),
      residual: p.residual,
    })),
    meanAbs: r.meanAbs,
    maxAbs: r.maxAbs,
    band: { early: r.early, late: r.late },
  })),
  untestable: bt.untestable.map(u => ({ milestone: u.milestone, basis: u.basis, points: u.points })),
});

export const renderBacktestJson = (bt: Backtest, today: Temporal.PlainDate): string =>
  JSON.stringify(backtestData(bt, today), null, 2) + '\n';
