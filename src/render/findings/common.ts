// Words and numbers shared by the findings renderers: translated messages with dates in the chosen language,
// clause lists, slack, the verdict and the counts behind it.
import { isoDate } from '../../core/dates/parse.js';
import type {
  CheckMessageKey,
  Evaluation,
  InvolvedMilestone,
  MessageParams,
  ShiftRange,
  Suggestion,
} from '../../core/alignment/types.js';
import { planMessages } from '../../i18n/messages/plan.js';
import type { Cycle, SourceLocation } from '../../core/model/types.js';
import { checkMessages } from '../../i18n/messages/check.js';
import { translator } from '../../i18n/define.js';
import { formatDate, formatDateWithPrecision } from '../../i18n/format-date.js';
import type { Lang } from '../../schema/primitives.js';
import type { FindingsInput, Titles } from './types.js';

export const tr = (lang: Lang) => translator(checkMessages, lang);

/** The title of every milestone of the cycles, by id. */
export const titlesOf = (cycles: readonly Cycle[]): Titles =>
  new Map(cycles.flatMap(c => c.milestones.map(m => [m.id, m.title] as const)));

/** The engine's params that name milestones: one id or reference (`socta.masp.end`), or a list of them (`ids`). */
const MILESTONE_PARAMS: ReadonlySet<string> = new Set([
  'ids',
  'from',
  'to',
  'inner',
  'outer',
  'of',
  'latest',
  'milestone',
]);

/** `IDEAL launched (ideal.publication)`: a milestone as a reader knows it, with the id that finds it in the files. */
const namedMilestones = (refs: string, titles: Titles, lang: Lang): string =>
  refs
    .split(', ')
    .map(ref => {
      const title = titles.get(ref.replace(/\.end$/, ''))?.[lang];
      return title === undefined ? ref : `${title} (${ref})`;
    })
    .join(', ');

/**
 * The engine's message in `lang`: ISO dates (params ending in `Date`) written the way that language writes them,
 * and, given their titles, milestones named by title and id. Machine fields (JSON params, SARIF and JUnit ids)
 * keep the bare ids.
 */
export function localized(
  m: { messageKey: CheckMessageKey; params: MessageParams },
  lang: Lang,
  titles?: Titles
): string {
  const params: MessageParams = {};
  for (const [k, v] of Object.entries(m.params))
    params[k] =
      k.endsWith('Date') && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? formatDate(isoDate(v), lang, 'medium')
        : titles && MILESTONE_PARAMS.has(k) && typeof v === 'string'
          ? namedMilestones(v, titles, lang)
          : v;
  return tr(lang)(m.messageKey, params);
}

/**
 * Where a code host can annotate a finding, and its message there. A line in the planner's repository is
 * annotated where it is. A line the planner inherits (FindingsInput.inherited) is annotated at the `extends:`
 * line that inherits it, or nowhere when no planner file extends it; the message then names the inherited line.
 */
export function annotationPlace(
  e: Evaluation,
  input: FindingsInput,
  lang: Lang
): { at: SourceLocation | undefined; message: string } {
  const message = localized(e, lang, input.titles);
  if (!e.at || !input.inherited?.has(e.at.file)) return { at: e.at, message };
  const where = e.at.line === undefined ? e.at.file : `${e.at.file}:${e.at.line}`;
  return { at: input.inherited.get(e.at.file), message: `${message} (${tr(lang)('inheritedFrom', { where })})` };
}

export const clauseText = (clauses: readonly number[], lang: Lang): string =>
  tr(lang)(clauses.length === 1 ? 'clause' : 'clauses', { clauses: clauses.join(', ') });

/** `−370 days` (a true minus sign), `12 days`, or `n/a` when nothing could be measured. */
export function slackText(slack: number | null, lang: Lang): string {
  if (slack === null) return tr(lang)('slack.none');
  return tr(lang)('slack.days', { days: slack < 0 ? `−${-slack}` : String(slack) });
}

export const rangesText = (ranges: readonly ShiftRange[], lang: Lang): string =>
  ranges
    .map(r =>
      r.min === null && r.max === null
        ? tr(lang)('unbounded')
        : r.min === r.max
          ? signed(r.min!)
          : `${r.min === null ? '−∞' : signed(r.min)} … ${r.max === null ? '+∞' : signed(r.max)}`
    )
    .join(', ');

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export interface Counts {
  planErrors: number;
  planWarnings: number;
  history: number;
  /** Findings that rest on no record: nothing can be said until the dates are confirmed. */
  noRecord: number;
  gating: number;
}

/** A plan finding that breaks a rule (violated, overdue) counts at its severity; at risk is always a warning. */
export function countFindings(input: FindingsInput): Counts {
  const f = input.result.findings.filter(e => e.state !== 'no-record');
  const plan = f.filter(e => e.status === 'plan');
  const broken = (e: Evaluation) => e.state === 'violated' || e.state === 'overdue';
  return {
    planErrors: plan.filter(e => broken(e) && e.severity === 'error').length,
    planWarnings: plan.filter(e => (broken(e) && e.severity === 'warning') || e.state === 'at-risk').length,
    history: f.filter(e => e.status === 'history').length,
    noRecord: input.result.findings.filter(e => e.state === 'no-record').length,
    gating: f.filter(e => e.gates).length,
  };
}

/** `ideal.publication 2026-2029 (projected, assumed rule, untested)`: what a verdict rests on. */
export function restsText(list: readonly InvolvedMilestone[], lang: Lang): string {
  const t = tr(lang);
  const words = translator(planMessages, lang);
  return list
    .map(m => {
      const how = [
        words(`status.${m.status}`),
        ...(m.basis ? [words(`basis.${m.basis}`)] : []),
        ...(m.band
          ? [m.band.early === m.band.late ? `± ${m.band.late} d` : `−${m.band.early} d/+${m.band.late} d`]
          : []),
        ...(m.status === 'projected' && !m.band ? [t('label.untested')] : []),
      ];
      return `${m.id} ${m.year ?? m.instance} (${how.join(', ')})`;
    })
    .join('; ');
}

/** `ideal.publication 2026-2029 (about 18 Jun 2025)`: the slots without record a verdict needed. */
export const toConfirmText = (list: readonly InvolvedMilestone[], lang: Lang): string =>
  list
    .map(
      m =>
        `${m.id} ${m.year ?? m.instance} (~${m.precision === 'day' ? formatDate(m.start, lang, 'medium') : formatDateWithPrecision(m.start, lang, m.precision)})`
    )
    .join('; ');

/** The lines under a finding: what it rests on, the dates to confirm, the band of an at-risk rule. */
export function detailLines(e: Evaluation, lang: Lang): string[] {
  const t = tr(lang);
  return [
    ...(e.state === 'at-risk' && e.band ? [t('label.atRisk', { low: e.band.low, high: e.band.high })] : []),
    ...(e.rests.length > 0 ? [t('label.restsOn', { list: restsText(e.rests, lang) })] : []),
    ...(e.toConfirm.length > 0 ? [t('label.toConfirm', { list: toConfirmText(e.toConfirm, lang) })] : []),
  ];
}

export function verdict(input: FindingsInput, lang: Lang): string {
  const t = tr(lang);
  const failOn = t(`severity.${input.gate.failOn}`);
  const { gating } = countFindings(input);
  return input.result.ok ? t('verdict.ok', { failOn }) : t('verdict.fail', { count: gating, failOn });
}

export function summary(input: FindingsInput, lang: Lang): string {
  const c = countFindings(input);
  return tr(lang)('summary', {
    errors: c.planErrors,
    warnings: c.planWarnings,
    history: c.history,
    unknown: c.noRecord,
  });
}

/** Instances where no rule applies: a cycle that each rule compares has no instance there (IDEAL before 2022). */
const unjudged = (input: FindingsInput): string[] =>
  input.result.instances.filter(i => !input.result.evaluations.some(e => e.instance === i));

const unjudgedText = (input: FindingsInput, lang: Lang): string | undefined => {
  const instances = unjudged(input);
  return instances.length > 0 ? tr(lang)('unjudged', { instances: instances.join(', ') }) : undefined;
};

export const checkedLine = (input: FindingsInput, lang: Lang): string =>
  [
    tr(lang)('checked', {
      rules: input.rules.filter(r => r.severity !== 'off').length,
      instances: input.result.instances.join(', '),
      today: formatDate(input.today, lang, 'medium'),
      movable: input.result.movable,
    }),
    unjudgedText(input, lang),
  ]
    .filter(Boolean)
    .join(' ');

/** What to say when nothing is found: every rule holds, or (when none applied anywhere) that none applies. */
export const noFindingsText = (input: FindingsInput, lang: Lang): string =>
  input.result.evaluations.length === 0 ? (unjudgedText(input, lang) ?? tr(lang)('none')) : tr(lang)('none');

/** Findings grouped by instance, in the order instances were evaluated. */
export function byInstance(input: FindingsInput): { instance: string; findings: Evaluation[] }[] {
  return input.result.instances
    .map(instance => ({ instance, findings: input.result.findings.filter(f => f.instance === instance) }))
    .filter(g => g.findings.length > 0);
}

export const whereText = (e: Pick<Evaluation, 'at'>): string | undefined =>
  e.at?.line !== undefined ? `${e.at.file}:${e.at.line}` : e.at?.file;

/** Annotation level: gating findings keep their severity; history and no-record findings are notes; at risk warns. */
export const levelOf = (e: Evaluation): 'error' | 'warning' | 'note' =>
  (e.status === 'history' && !e.gates) || e.state === 'no-record'
    ? 'note'
    : e.state === 'at-risk'
      ? 'warning'
      : e.severity;

export const suggestionLines = (s: Suggestion, lang: Lang, titles?: Titles): string[] => {
  const t = tr(lang);
  const lines = [localized(s, lang, titles)];
  if (s.edit && s.edit.leaves.length > 0) lines.push(t('label.leaves', { rules: s.edit.leaves.join(', ') }));
  if (s.edit && s.shiftDays !== undefined)
    lines.push(
      localized(
        {
          messageKey: 'suggest.shift',
          params: {
            cycle: s.cycle,
            days: s.shiftDays > 0 ? `+${s.shiftDays}` : String(s.shiftDays),
            instance: s.instance,
            whatIf: s.whatIf ?? '',
          },
        },
        lang
      )
    );
  if (s.shiftDays !== undefined) {
    lines.push(t('label.allowedShifts', { ranges: rangesText(s.allowed, lang) }));
    if (s.alsoBreaks.length > 0) lines.push(t('label.alsoBreaks', { rules: s.alsoBreaks.join(', ') }));
    if (s.whatIf) lines.push(t('label.tryIt', { whatIf: s.whatIf }));
  }
  return lines;
};
