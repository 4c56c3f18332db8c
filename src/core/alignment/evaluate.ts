// One rule in one instance: evaluate each check, pick the decisive one, and decide history or plan.
import type { Temporal } from 'temporal-polyfill';
import { evaluateCheck } from './kinds/index.js';
import { tighter } from './outcome.js';
import { daysBetween } from './refs.js';
import type { ActiveRule, CheckOutcome, Evaluation, EvaluationStatus, Gate, InvolvedMilestone } from './types.js';
import type { InstanceView } from './view.js';

const SEVERITY_RANK = { warning: 1, error: 2 } as const;

/** `history` when every compared milestone, and every date the outcome still depends on, is before today. */
function statusOf(outcomes: readonly CheckOutcome[], today: Temporal.PlainDate): EvaluationStatus {
  const ends = outcomes.flatMap(o => [...o.milestones.map(m => m.end), ...(o.openUntil ? [o.openUntil] : [])]);
  if (ends.length === 0) return 'plan';
  return ends.every(d => daysBetween(d, today) > 0) ? 'history' : 'plan';
}

/** The milestone an annotation points at: the movable cycle's side first (that is what a fix changes). */
function annotationTarget(milestones: readonly InvolvedMilestone[], movable: string): InvolvedMilestone | undefined {
  const located = milestones.filter(m => m.at?.line !== undefined);
  return located.find(m => m.id.startsWith(`${movable}.`)) ?? located.at(-1);
}

export function evaluateRule(
  rule: ActiveRule,
  view: InstanceView,
  today: Temporal.PlainDate,
  movable: string,
  gate: Gate
): Evaluation {
  const checks = rule.checks.map(c => evaluateCheck(c, view));
  const decisive = checks.reduce(tighter);
  const holds = checks.every(c => c.holds);
  const status = statusOf(checks, today);
  const gates =
    !holds && SEVERITY_RANK[rule.severity] >= SEVERITY_RANK[gate.failOn] && (status === 'plan' || gate.includeHistory);
  const target = annotationTarget(decisive.milestones, movable);
  // A period rule compares no milestone: point it at the `period` line of the cycle fixes move.
  const periodAt =
    decisive.kind === 'same-period' && decisive.milestones.length === 0 ? view.cycle(movable)?.periodAt : undefined;
  return {
    rule: rule.id,
    kind: decisive.kind,
    clauses: rule.clauses,
    severity: rule.severity,
    instance: view.instance,
    status,
    holds,
    gates,
    slackDays: decisive.slackDays,
    ...(decisive.measuredDays !== undefined ? { measuredDays: decisive.measuredDays } : {}),
    allowed: decisive.allowed,
    milestones: decisive.milestones,
    at: decisive.at ?? target?.at ?? periodAt ?? rule.at,
    messageKey: decisive.messageKey,
    params: decisive.params,
    checks,
  };
}
