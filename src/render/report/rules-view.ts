// The verdict, the rules with their clauses and states, and the fixes: the check's part of the report's
// view-model, every string localized. PURE.
import { declarationMessages } from '../../i18n/messages/declaration.js';
import type { DeclarationKey } from '../../i18n/messages/declaration.js';
import { translator } from '../../i18n/define.js';
import type { Lang } from '../../schema/primitives.js';
import type { ReportCheck, ReportEvaluation } from './check-view.js';
import { formatAllowed, formatCounts, formatDays } from './text.js';
import type { Translate } from './text.js';

export type VerdictState = 'aligned' | 'warnings' | 'misaligned';

/** A rule's state in one instance, as the report marks it: ✔ ✘ ⚠ ⌛ ? ~. */
export type RowState = 'holds' | 'violated' | 'notMet' | 'overdue' | 'noRecord' | 'atRisk' | 'off';

export interface VerdictView {
  plan: { state: VerdictState; line: string };
  history: { state: VerdictState; line: string };
  /** How many rule × instance pairs have no record to judge by; undefined when none. */
  noRecord: string | undefined;
  note: string;
}

export interface RuleRowView {
  instance: string;
  period: string;
  state: RowState;
  stateText: string;
  measured: string;
  allowed: string;
  slack: string;
  /** The message, then what the verdict rests on, the dates to confirm, an at-risk band; empty when it holds. */
  detail: string[];
}

export interface ClauseView {
  label: string;
  /** The clause whole, in the report's language. */
  quote: string;
  /** Where it is from, and that the translation is ours. */
  attribution: string;
}

export interface RuleView {
  id: string;
  description: string;
  severity: string;
  /** The clauses the catalog quotes (a planner's rule may cite others: they are named in `cited`). */
  clauses: ClauseView[];
  cited: string;
  interpretation: { label: string; text: string } | undefined;
  rows: RuleRowView[];
}

export interface SuggestionView {
  instance: string;
  /** The edit (where to plan which date) first, then the whole-cycle shift. */
  lines: string[];
}

/** A rule that breaks counts at its severity (violated, or overdue with no record); at risk is always a warning. */
function tally(evals: readonly ReportEvaluation[]): { state: VerdictState; errors: number; warnings: number } {
  const counted = evals.filter(e => e.severity !== 'off');
  const broken = (e: ReportEvaluation): boolean => e.state === 'violated' || e.state === 'overdue';
  const errors = counted.filter(e => broken(e) && e.severity === 'error').length;
  const warnings = counted.filter(e => (broken(e) && e.severity === 'warning') || e.state === 'at-risk').length;
  return { state: errors > 0 ? 'misaligned' : warnings > 0 ? 'warnings' : 'aligned', errors, warnings };
}

export function buildVerdict(check: ReportCheck, t: Translate): VerdictView {
  const part = (which: 'plan' | 'history'): VerdictView['plan'] => {
    const v = tally(check.evaluations.filter(e => e.status === which));
    return {
      state: v.state,
      line: t(`verdict.${which}.${v.state}`, { counts: formatCounts(v.errors, v.warnings, t) }),
    };
  };
  const unknown = check.evaluations.filter(e => e.severity !== 'off' && e.state === 'no-record').length;
  return {
    plan: part('plan'),
    history: part('history'),
    noRecord:
      unknown === 0
        ? undefined
        : unknown === 1
          ? t('verdict.noRecord.one')
          : t('verdict.noRecord.other', { n: unknown }),
    note: t('verdict.historyNote'),
  };
}

function rowState(e: ReportEvaluation): RowState {
  if (e.severity === 'off') return 'off';
  switch (e.state) {
    case 'holds':
      return 'holds';
    case 'at-risk':
      return 'atRisk';
    case 'no-record':
      return 'noRecord';
    case 'overdue':
      return 'overdue';
    case 'violated':
      return e.severity === 'error' ? 'violated' : 'notMet';
  }
}

/** The clause whole with where it is from, or undefined for a clause the catalog does not quote. */
function clauseView(n: number, t: Translate, lang: Lang): ClauseView | undefined {
  const key = `clause.${n}`;
  if (!(key in declarationMessages[lang])) return undefined;
  const quote = translator(declarationMessages, lang);
  return { label: t('rules.clause', { n }), quote: quote(key as DeclarationKey), attribution: quote('attribution') };
}

export function buildRules(check: ReportCheck, t: Translate, lang: Lang): RuleView[] {
  return check.rules.map(rule => ({
    id: rule.id,
    description: rule.description,
    severity: t('rules.severity', { severity: t(`severity.${rule.severity}`) }),
    clauses: rule.clauses.map(n => clauseView(n, t, lang)).filter((c): c is ClauseView => c !== undefined),
    cited: rule.clauses.map(n => t('rules.clause', { n })).join(', '),
    interpretation: rule.interpretation ? { label: t('rules.readsAs'), text: rule.interpretation } : undefined,
    rows: check.evaluations
      .filter(e => e.rule === rule.id)
      .map(e => {
        const state = rowState(e);
        return {
          instance: e.instance,
          period: t(`period.${e.status}`),
          state,
          stateText: t(`state.${state}`),
          measured: e.measuredDays === undefined ? '—' : formatDays(e.measuredDays, t),
          allowed: formatAllowed(e.allowed.min, e.allowed.max, t),
          slack: e.slackDays === undefined ? '—' : formatDays(e.slackDays, t),
          detail: state === 'holds' || state === 'off' ? [] : [e.message, ...e.details],
        };
      }),
  }));
}

export const buildSuggestions = (check: ReportCheck): SuggestionView[] =>
  check.suggestions.map(s => ({ instance: s.instance, lines: [...s.lines] }));
