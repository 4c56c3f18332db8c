// Messages of `cyclesync backtest`: how well each rule reproduces the actual dates it is meant to place.
import { defineMessages } from '../define.js';

export const backtestMessages = defineMessages({
  en: {
    heading: 'Back-test of the rules against actual dates, as of {today}',
    intro:
      'Leave-one-out: each actual day-precise record is set aside, the rule places that slot (the milestones it starts from keep their records), and the residual is rule − actual, in days (positive: the rule was late). The largest early and late residuals are the band every projection of the rule carries.',
    'col.milestone': 'Milestone',
    'col.basis': 'Basis',
    'col.points': 'Residuals',
    'col.mean': 'Mean |r|',
    'col.max': 'Largest |r|',
    'col.band': 'Band',
    point: '{instance}: rule {predicted}, actual {actual}, {residual}',
    untestable: 'Untestable: fewer than two day-precise actual dates',
    'untestable.row': '{milestone} ({basis} rule): {points} date(s) to test against; its projections say "untested"',
    'untestable.none': 'Every rule that is not verified has at least two actual dates to test against.',
    'basis.verified': 'verified',
    'basis.pattern': 'pattern',
    'basis.assumed': 'assumed',
    none: 'No rule has two actual day-precise dates to test against.',
  },
  es: {
    heading: 'Contraste de las reglas con las fechas reales, a fecha de {today}',
    intro:
      'Dejando uno fuera: cada registro real exacto al día se aparta, la regla sitúa esa fecha (los hitos de los que parte conservan sus registros) y el residuo es regla − real, en días (positivo: la regla llegó tarde). Los mayores residuos tempranos y tardíos forman la banda que lleva cada proyección de la regla.',
    'col.milestone': 'Hito',
    'col.basis': 'Base',
    'col.points': 'Residuos',
    'col.mean': 'Media |r|',
    'col.max': 'Mayor |r|',
    'col.band': 'Banda',
    point: '{instance}: regla {predicted}, real {actual}, {residual}',
    untestable: 'Sin contrastar: menos de dos fechas reales exactas al día',
    'untestable.row':
      '{milestone} (regla {basis}): {points} fecha(s) con las que contrastar; sus proyecciones dicen «sin contrastar»',
    'untestable.none': 'Toda regla no verificada tiene al menos dos fechas reales con las que contrastarla.',
    'basis.verified': 'verificada',
    'basis.pattern': 'por patrón',
    'basis.assumed': 'supuesta',
    none: 'Ninguna regla tiene dos fechas reales exactas al día con las que contrastarla.',
  },
  pt: {
    heading: 'Teste das regras com as datas reais, a {today}',
    intro:
      'Deixando um de fora: cada registo real exato ao dia é posto de parte, a regra coloca essa data (os marcos de que parte mantêm os seus registos) e o resíduo é regra − real, em dias (positivo: a regra chegou tarde). Os maiores resíduos antecipados e atrasados formam a banda que cada projeção da regra leva.',
    'col.milestone': 'Marco',
    'col.basis': 'Base',
    'col.points': 'Resíduos',
    'col.mean': 'Média |r|',
    'col.max': 'Maior |r|',
    'col.band': 'Banda',
    point: '{instance}: regra {predicted}, real {actual}, {residual}',
    untestable: 'Não testadas: menos de duas datas reais exatas ao dia',
    'untestable.row':
      '{milestone} (regra {basis}): {points} data(s) para a testar; as suas projeções dizem «não testada»',
    'untestable.none': 'Toda a regra não verificada tem pelo menos duas datas reais para a testar.',
    'basis.verified': 'verificada',
    'basis.pattern': 'por padrão',
    'basis.assumed': 'pressuposta',
    none: 'Nenhuma regra tem duas datas reais exatas ao dia para a testar.',
  },
});
