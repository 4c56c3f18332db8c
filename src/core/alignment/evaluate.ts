// One rule in one instance: evaluate each check that applies, let the worst decide the state, and decide
// history or plan. History verdicts rest on records only: a slot the rules put in the past with no record
// makes a check `no-record` (or `overdue` when its window has passed), never `holds` or `violated`.
import type { Temporal } from 'temporal-polyfill';
import { locateRangeError } from '../dates/range.js';
import { evaluateCheck, readsOf } from './kinds/index.js';
import { STATE_RANK, tighter } from './outcome.js';
import { daysBetween, parseRef } from './refs.js';
import type {
  ActiveRule,
  Check,
  CheckOutcome,
  Evaluation,
  EvaluationStatus,
  Gate,
  InvolvedMilestone,
  State,
} from './types.js';
import type { InstanceView } from './view.js';

const SEVERITY_RANK = { warning: 1, error: 2 } as const;

/** `history` when every compared milestone, and every date the outcome still depends on, is before today. */
function statusOf(outcomes: readonly CheckOutcome[], today: Temporal.PlainDate): EvaluationStatus {
  const ends = outcomes.flatMap(o => [...o.milestones.map(m => m.end), ...(o.openUntil ? [o.openUntil] : [])]);
  if (ends.length === 0) return 'plan';
  return ends.every(d => daysBetween(d, today) > 0) ? 'history' : 'plan';
}

/**
 * A check applies in an instance only where every cycle it reads has an instance: before IDEAL's first
 * (2022-2025) there is nothing to compare SOCTA with, which is neither a missing record nor a breach.
 */
function applies(check: Check, view: InstanceView): boolean {
  const { milestones, cycles } = readsOf(check);
  return [...cycles, ...milestones.map(m => parseRef(m).cycle)].every(c => view.span(c) !== undefined);
}

/** The milestone an annotation points at: the movable cycle's side first (that is what a fix changes). */
function annotationTarget(milestones: readonly InvolvedMilestone[], movable: string): InvolvedMilestone | undefined {
  const located = milestones.filter(m => m.at?.line !== undefined);
  return located.find(m => m.id.startsWith(`${movable}.`)) ?? located.at(-1);
}

/** Does this state count for the exit code at this severity and status? */
function failsGate(state: State, severity: 'error' | 'warning', status: EvaluationStatus, gate: Gate): boolean {
  if (status === 'history' && !gate.includeHistory) return false;
  // At risk is a warning whatever the rule's severity: the alignment rests on uncertain projections.
  if (state === 'at-risk') return gate.failOn === 'warning' && status === 'plan';
  return (state === 'violated' || state === 'overdue') && SEVERITY_RANK[severity] >= SEVERITY_RANK[gate.failOn];
}

/** Each compared milestone once, by id, instance and year. */
function unique(list: readonly InvolvedMilestone[]): InvolvedMilestone[] {
  const seen = new Map<string, InvolvedMilestone>();
  for (const m of list) seen.set(`${m.id}@${m.instance}/${m.year ?? ''}/${m.start.toString()}`, m);
  return [...seen.values()];
}

/** Undefined when no check of the rule applies in this instance. */
export function evaluateRule(
  rule: ActiveRule,
  view: InstanceView,
  today: Temporal.PlainDate,
  movable: string,
  gate: Gate
): Evaluation | undefined {
  let checks: CheckOutcome[];
  try {
    // A rule compares its cycles as a whole: where one of them has no instance, none of its checks is judged.
    if (!rule.checks.every(c => applies(c, view))) return undefined;
    checks = rule.checks.map(c => evaluateCheck(c, view)).filter((c): c is CheckOutcome => c !== undefined);
  } catch (e) {
    throw locateRangeError(e, `rule ${rule.id}`, rule.at, `rules.${rule.id}`);
  }
  if (checks.length === 0) return undefined;
  const decisive = checks.reduce(tighter);
  const state = checks.map(c => c.state).reduce((a, b) => (STATE_RANK[b] < STATE_RANK[a] ? b : a));
  const status = statusOf(checks, today);
  const target = annotationTarget(decisive.milestones, movable);
  // A period rule compares no milestone: point it at where the movable cycle's era (period) is written.
  const periodAt =
    decisive.kind === 'same-period' && decisive.milestones.length === 0 ? view.span(movable)?.era.at : undefined;
  const compared = unique(checks.flatMap(c => c.milestones));
  return {
    rule: rule.id,
    kind: decisive.kind,
    clauses: rule.clauses,
    severity: rule.severity,
    instance: view.instance,
    status,
    state,
    holds: state === 'holds' || state === 'at-risk',
    gates: failsGate(state, rule.severity, status, gate),
    slackDays: decisive.slackDays,
    ...(decisive.measuredDays !== undefined ? { measuredDays: decisive.measuredDays } : {}),
    allowed: decisive.allowed,
    milestones: decisive.milestones,
    at: decisive.at ?? target?.at ?? periodAt ?? rule.at,
    messageKey: decisive.messageKey,
    params: decisive.params,
    checks,
    // A broken rule rests on the check that breaks it; a rule that holds, on every date it compared.
    rests: (state === 'holds' || state === 'at-risk' ? compared : unique(decisive.milestones)).filter(
      m => m.status === 'planned' || m.status === 'projected'
    ),
    toConfirm: unique(checks.flatMap(c => c.toConfirm ?? [])),
    ...(decisive.band ? { band: decisive.band } : {}),
    ...(decisive.openUntil ? { openUntil: decisive.openUntil } : {}),
  };
}
