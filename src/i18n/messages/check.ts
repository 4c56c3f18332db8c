// Messages of `cyclesync check`: each check outcome, suggestion and drift statement (keys the engine emits with
// language-neutral params: ids, numbers, ISO dates in params ending in `Date`), and the renderers' words.
import type { CheckMessageKey as EngineMessageKey } from '../../core/alignment/message.js';
import { defineMessages } from '../define.js';

export const checkMessages = defineMessages({
  en: {
    missing: '{ids}: no occurrence in {instance}',
    noRecord: '{ids}: the rule expected a date about {expectedDate}, and none is on record ({instance})',
    overdue:
      '{ids}: none on record or planned from {from} on {fromDate} to {closesDate}, the window the rule allows ({instance})',
    'gap.after': '{to} on {toDate} is {days} days after {from} on {fromDate}; allowed: {allowed} days',
    'gap.before': '{to} on {toDate} is {days} days before {from} on {fromDate}; allowed: {allowed} days',
    'gap.same': '{to} on {toDate} falls on the same day as {from}; allowed: {allowed} days',
    'nest.holds':
      'every {inner} window of {instance} lies inside a {outer} window ({days} days inside at the tightest)',
    'nest.broken': '{inner} {innerDate} → {innerEndDate} sticks out of every {outer} window by {days} days',
    'nest.noOuter': '{inner} {innerDate} → {innerEndDate}: there is no {outer} window to hold it',
    'nest.none': 'no {inner} window in {instance}: nothing to nest',
    'nest.noRecord': '{inner} {innerDate} → {innerEndDate}: no {outer} window on record to hold it',
    'cadence.every.holds':
      '{of} occurs in every {every} period of {instance} ({days} days from a period’s edge at the closest)',
    'cadence.every.gap': 'no {of} between {periodDate} and {periodEndDate}: one is needed in every {every} period',
    'cadence.every.overdue':
      'no {of} on record between {periodDate} and {periodEndDate}: one is needed in every {every} period',
    'cadence.every.noRecord':
      '{of} between {periodDate} and {periodEndDate}: the rule expected one about {expectedDate}, and none is on record',
    'cadence.after.holds': '{of} on {date}, on or after {latest} on {latestDate}',
    'cadence.after.missing': 'no {of} on or after {latest} on {latestDate}, up to the end of {instance} ({endDate})',
    'samePeriod.holds': '{a} and {b} both run on {periodA}-year cycles',
    'samePeriod.broken':
      '{a} runs on {periodA}-year cycles and {b} on {periodB}-year cycles: the gap between them drifts by {drift} years per cycle ({a} {pairedA} is paired with {b} {pairedB})',
    'suggest.shift': 'shift {cycle} by {days} days in {instance} ({whatIf}) and every error rule holds',
    'suggest.fixed': 'no shift of {cycle} can mend {instance}: none makes {rules} hold',
    'suggest.disjoint': 'no single shift of {cycle} can mend {instance}: {rules} need shifts that do not overlap',
    'suggest.edit':
      'plan {milestone} of {instance} between {fromDate} and {toDate} ({where}); every error rule then holds',
    'drift.firstBreak':
      '{b} ({periodB}-year cycles) drifts against {a} ({periodA}-year cycles) by {drift} years per cycle; it first breaks {rules} in {instance}',
    'drift.noBreak':
      '{b} ({periodB}-year cycles) drifts against {a} ({periodA}-year cycles) by {drift} years per cycle; no rule breaks up to {instance}',
    'verdict.ok': '✓ Aligned: no plan finding at or above {failOn}',
    'verdict.fail': '✗ Not aligned: {count} finding(s) at or above {failOn} fail the check',
    summary:
      'Plan ahead: {errors} error(s), {warnings} warning(s). History: {history} finding(s). No record to judge by: {unknown}.',
    checked: 'Checked {rules} rules in {instances} as of {today}; fixes move {movable}.',
    'history.note': 'History findings are reported but fail the check only with --include-history.',
    none: 'No findings: every rule holds in every instance checked.',
    unjudged: 'No rule applies in {instances}: a cycle each rule compares has no instance there.',
    'heading.findings': 'Findings',
    'heading.suggestions': 'Fixes',
    'heading.drift': 'Drift',
    'heading.evaluations': 'Every rule in every instance',
    'label.instance': 'Instance',
    'label.rule': 'Rule',
    'label.clause': 'Clause',
    'label.severity': 'Severity',
    'label.status': 'Status',
    'label.slack': 'Slack',
    'label.message': 'What',
    'label.allowedShifts': 'allowed shifts: {ranges}',
    'label.alsoBreaks': 'still breaks warnings: {rules}',
    'label.tryIt': 'try it: run the same check with {whatIf}',
    'severity.error': 'error',
    'severity.warning': 'warning',
    'status.history': 'history',
    'status.plan': 'plan',
    'slack.days': '{days} days',
    'slack.none': 'n/a',
    'slack.labelled': 'slack {slack}',
    clause: 'clause {clauses}',
    clauses: 'clauses {clauses}',
    'label.whatIf': 'What-if: {whatIfs}',
    more: '… {count} more (see --format json)',
    unbounded: 'any',
    inheritedFrom: 'set in {where}',
    'state.holds': 'holds',
    'state.violated': 'violated',
    'state.no-record': 'no record',
    'state.overdue': 'overdue — no record',
    'state.at-risk': 'at risk',
    'label.restsOn': 'rests on: {list}',
    'label.toConfirm': 'dates to confirm: {list}',
    'label.atRisk': 'inside the projections’ error bands the measured gap ranges over {low} … {high} days',
    'label.edit': 'plan it between {fromDate} and {toDate} (for instance on {suggestedDate}), in {where}',
    'label.leaves': 'warnings this leaves: {rules}',
    'label.noEdit': 'no single date of one milestone mends it',
    'label.untested': 'untested',
    'label.noRecordNote':
      'No-record and overdue states rest on what is not on record: add the dates under `history:` where a source reports them.',
  },
  es: {
    missing: '{ids}: ninguna ocurrencia en {instance}',
    noRecord: '{ids}: la regla esperaba una fecha hacia el {expectedDate} y no consta ninguna ({instance})',
    overdue:
      '{ids}: ninguna registrada o planificada entre {from}, el {fromDate}, y el {closesDate}, el plazo que admite la regla ({instance})',
    'gap.after': '{to}, el {toDate}, cae {days} días después de {from}, el {fromDate}; permitido: {allowed} días',
    'gap.before': '{to}, el {toDate}, cae {days} días antes de {from}, el {fromDate}; permitido: {allowed} días',
    'gap.same': '{to}, el {toDate}, cae el mismo día que {from}; permitido: {allowed} días',
    'nest.holds':
      'cada ventana de {inner} de {instance} cae dentro de una ventana de {outer} ({days} días de margen como mínimo)',
    'nest.broken': '{inner} {innerDate} → {innerEndDate} sobresale de toda ventana de {outer} en {days} días',
    'nest.noOuter': '{inner} {innerDate} → {innerEndDate}: no hay ninguna ventana de {outer} que la contenga',
    'nest.none': 'ninguna ventana de {inner} en {instance}: nada que anidar',
    'nest.noRecord': '{inner} {innerDate} → {innerEndDate}: ninguna ventana de {outer} registrada que la contenga',
    'cadence.every.holds':
      '{of} ocurre en cada periodo de {every} de {instance} (a {days} días del borde de un periodo como mínimo)',
    'cadence.every.gap': 'ningún {of} entre {periodDate} y {periodEndDate}: hace falta uno en cada periodo de {every}',
    'cadence.every.overdue':
      'ningún {of} registrado entre {periodDate} y {periodEndDate}: hace falta uno en cada periodo de {every}',
    'cadence.every.noRecord':
      '{of} entre {periodDate} y {periodEndDate}: la regla esperaba uno hacia el {expectedDate} y no consta ninguno',
    'cadence.after.holds': '{of} el {date}, en o después de {latest}, el {latestDate}',
    'cadence.after.missing':
      'ningún {of} en o después de {latest}, el {latestDate}, hasta el final de {instance} ({endDate})',
    'samePeriod.holds': '{a} y {b} siguen ciclos de {periodA} años',
    'samePeriod.broken':
      '{a} sigue ciclos de {periodA} años y {b} de {periodB} años: la distancia entre ambos se desplaza {drift} años por ciclo ({a} {pairedA} se empareja con {b} {pairedB})',
    'suggest.shift':
      'desplace {cycle} {days} días en {instance} ({whatIf}) y se cumplen todas las reglas de nivel error',
    'suggest.fixed': 'ningún desplazamiento de {cycle} puede corregir {instance}: ninguno hace que se cumpla {rules}',
    'suggest.disjoint':
      'ningún desplazamiento único de {cycle} puede corregir {instance}: {rules} exigen desplazamientos que no se solapan',
    'suggest.edit':
      'planifique {milestone} de {instance} entre el {fromDate} y el {toDate} ({where}); así se cumplen todas las reglas de nivel error',
    'drift.firstBreak':
      '{b} (ciclos de {periodB} años) se desplaza respecto de {a} (ciclos de {periodA} años) {drift} años por ciclo; incumple por primera vez {rules} en {instance}',
    'drift.noBreak':
      '{b} (ciclos de {periodB} años) se desplaza respecto de {a} (ciclos de {periodA} años) {drift} años por ciclo; ninguna regla se incumple hasta {instance}',
    'verdict.ok': '✓ Alineados: ningún hallazgo del plan de nivel {failOn} o superior',
    'verdict.fail': '✗ No alineados: {count} hallazgo(s) de nivel {failOn} o superior hacen fallar la comprobación',
    summary:
      'Plan futuro: {errors} error(es), {warnings} advertencia(s). Historial: {history} hallazgo(s). Sin registro para juzgar: {unknown}.',
    checked: 'Se comprobaron {rules} reglas en {instances} a fecha de {today}; las correcciones mueven {movable}.',
    'history.note':
      'Los hallazgos del historial se informan, pero solo hacen fallar la comprobación con --include-history.',
    none: 'Ningún hallazgo: todas las reglas se cumplen en todas las instancias comprobadas.',
    unjudged: 'Ninguna regla se aplica en {instances}: un ciclo que cada regla compara no tiene instancia allí.',
    'heading.findings': 'Hallazgos',
    'heading.suggestions': 'Correcciones',
    'heading.drift': 'Desplazamiento',
    'heading.evaluations': 'Cada regla en cada instancia',
    'label.instance': 'Instancia',
    'label.rule': 'Regla',
    'label.clause': 'Cláusula',
    'label.severity': 'Gravedad',
    'label.status': 'Estado',
    'label.slack': 'Margen',
    'label.message': 'Qué',
    'label.allowedShifts': 'desplazamientos admitidos: {ranges}',
    'label.alsoBreaks': 'siguen incumplidas las advertencias: {rules}',
    'label.tryIt': 'pruébelo: repita la comprobación con {whatIf}',
    'severity.error': 'error',
    'severity.warning': 'advertencia',
    'status.history': 'historial',
    'status.plan': 'plan',
    'slack.days': '{days} días',
    'slack.none': 'n/d',
    'slack.labelled': 'margen {slack}',
    clause: 'cláusula {clauses}',
    clauses: 'cláusulas {clauses}',
    'label.whatIf': 'Supuesto: {whatIfs}',
    more: '… {count} más (véase --format json)',
    unbounded: 'cualquiera',
    inheritedFrom: 'fijado en {where}',
    'state.holds': 'se cumple',
    'state.violated': 'incumplida',
    'state.no-record': 'sin registro',
    'state.overdue': 'vencida — sin registro',
    'state.at-risk': 'en riesgo',
    'label.restsOn': 'se basa en: {list}',
    'label.toConfirm': 'fechas por confirmar: {list}',
    'label.atRisk': 'dentro de las bandas de error de las proyecciones, la distancia medida va de {low} a {high} días',
    'label.edit': 'planifíquelo entre el {fromDate} y el {toDate} (por ejemplo, el {suggestedDate}), en {where}',
    'label.leaves': 'advertencias que quedan: {rules}',
    'label.noEdit': 'ninguna fecha única de un hito lo corrige',
    'label.untested': 'sin contrastar',
    'label.noRecordNote':
      'Los estados sin registro y vencido se basan en lo que no consta: añada las fechas en `history:` cuando una fuente las recoja.',
  },
  pt: {
    missing: '{ids}: nenhuma ocorrência em {instance}',
    noRecord: '{ids}: a regra esperava uma data por volta de {expectedDate} e não consta nenhuma ({instance})',
    overdue:
      '{ids}: nenhuma registada ou planeada entre {from}, em {fromDate}, e {closesDate}, o prazo que a regra admite ({instance})',
    'gap.after': '{to}, em {toDate}, fica {days} dias depois de {from}, em {fromDate}; permitido: {allowed} dias',
    'gap.before': '{to}, em {toDate}, fica {days} dias antes de {from}, em {fromDate}; permitido: {allowed} dias',
    'gap.same': '{to}, em {toDate}, cai no mesmo dia que {from}; permitido: {allowed} dias',
    'nest.holds': 'cada janela de {inner} de {instance} cabe numa janela de {outer} ({days} dias de margem no mínimo)',
    'nest.broken': '{inner} {innerDate} → {innerEndDate} sai de todas as janelas de {outer} por {days} dias',
    'nest.noOuter': '{inner} {innerDate} → {innerEndDate}: não há nenhuma janela de {outer} que a contenha',
    'nest.none': 'nenhuma janela de {inner} em {instance}: nada a encaixar',
    'nest.noRecord': '{inner} {innerDate} → {innerEndDate}: nenhuma janela de {outer} registada que a contenha',
    'cadence.every.holds':
      '{of} ocorre em cada período de {every} de {instance} (a {days} dias da margem de um período no mínimo)',
    'cadence.every.gap': 'nenhum {of} entre {periodDate} e {periodEndDate}: é preciso um em cada período de {every}',
    'cadence.every.overdue':
      'nenhum {of} registado entre {periodDate} e {periodEndDate}: é preciso um em cada período de {every}',
    'cadence.every.noRecord':
      '{of} entre {periodDate} e {periodEndDate}: a regra esperava um por volta de {expectedDate} e não consta nenhum',
    'cadence.after.holds': '{of} em {date}, em ou depois de {latest}, em {latestDate}',
    'cadence.after.missing':
      'nenhum {of} em ou depois de {latest}, em {latestDate}, até ao fim de {instance} ({endDate})',
    'samePeriod.holds': '{a} e {b} seguem ciclos de {periodA} anos',
    'samePeriod.broken':
      '{a} segue ciclos de {periodA} anos e {b} de {periodB} anos: a distância entre eles deriva {drift} anos por ciclo ({a} {pairedA} emparelha com {b} {pairedB})',
    'suggest.shift': 'desloque {cycle} {days} dias em {instance} ({whatIf}) e todas as regras de nível erro se cumprem',
    'suggest.fixed': 'nenhum deslocamento de {cycle} pode corrigir {instance}: nenhum faz cumprir {rules}',
    'suggest.disjoint':
      'nenhum deslocamento único de {cycle} pode corrigir {instance}: {rules} exigem deslocamentos que não se sobrepõem',
    'suggest.edit':
      'planeie {milestone} de {instance} entre {fromDate} e {toDate} ({where}); todas as regras de nível erro passam a cumprir-se',
    'drift.firstBreak':
      '{b} (ciclos de {periodB} anos) deriva em relação a {a} (ciclos de {periodA} anos) {drift} anos por ciclo; viola pela primeira vez {rules} em {instance}',
    'drift.noBreak':
      '{b} (ciclos de {periodB} anos) deriva em relação a {a} (ciclos de {periodA} anos) {drift} anos por ciclo; nenhuma regra é violada até {instance}',
    'verdict.ok': '✓ Alinhados: nenhuma constatação do plano de nível {failOn} ou superior',
    'verdict.fail':
      '✗ Não alinhados: {count} constatação(ões) de nível {failOn} ou superior fazem falhar a verificação',
    summary:
      'Plano futuro: {errors} erro(s), {warnings} aviso(s). Histórico: {history} constatação(ões). Sem registo para julgar: {unknown}.',
    checked: 'Verificadas {rules} regras em {instances} à data de {today}; as correções movem {movable}.',
    'history.note':
      'As constatações do histórico são comunicadas, mas só fazem falhar a verificação com --include-history.',
    none: 'Nenhuma constatação: todas as regras se cumprem em todas as instâncias verificadas.',
    unjudged: 'Nenhuma regra se aplica em {instances}: um ciclo que cada regra compara não tem instância aí.',
    'heading.findings': 'Constatações',
    'heading.suggestions': 'Correções',
    'heading.drift': 'Deriva',
    'heading.evaluations': 'Cada regra em cada instância',
    'label.instance': 'Instância',
    'label.rule': 'Regra',
    'label.clause': 'Cláusula',
    'label.severity': 'Gravidade',
    'label.status': 'Estado',
    'label.slack': 'Margem',
    'label.message': 'O quê',
    'label.allowedShifts': 'deslocamentos admitidos: {ranges}',
    'label.alsoBreaks': 'continuam violados os avisos: {rules}',
    'label.tryIt': 'experimente: repita a verificação com {whatIf}',
    'severity.error': 'erro',
    'severity.warning': 'aviso',
    'status.history': 'histórico',
    'status.plan': 'plano',
    'slack.days': '{days} dias',
    'slack.none': 'n/d',
    'slack.labelled': 'margem {slack}',
    clause: 'cláusula {clauses}',
    clauses: 'cláusulas {clauses}',
    'label.whatIf': 'Hipótese: {whatIfs}',
    more: '… mais {count} (ver --format json)',
    unbounded: 'qualquer',
    inheritedFrom: 'definido em {where}',
    'state.holds': 'cumpre-se',
    'state.violated': 'violada',
    'state.no-record': 'sem registo',
    'state.overdue': 'em atraso — sem registo',
    'state.at-risk': 'em risco',
    'label.restsOn': 'assenta em: {list}',
    'label.toConfirm': 'datas a confirmar: {list}',
    'label.atRisk': 'dentro das bandas de erro das projeções, a distância medida vai de {low} a {high} dias',
    'label.edit': 'planeie-o entre {fromDate} e {toDate} (por exemplo, a {suggestedDate}), em {where}',
    'label.leaves': 'avisos que ficam: {rules}',
    'label.noEdit': 'nenhuma data única de um marco o corrige',
    'label.untested': 'não testada',
    'label.noRecordNote':
      'Os estados sem registo e em atraso assentam no que não consta: acrescente as datas em `history:` quando uma fonte as registar.',
  },
});

/** Every key the engine emits must have a text here: a missing one is a compile error. */
type CoversEngine<T extends Record<EngineMessageKey, string>> = T;
/** Exported only so that the check above compiles (an unused local type would not). @public */
export type CheckCatalogKey = keyof CoversEngine<(typeof checkMessages)['en']>;
