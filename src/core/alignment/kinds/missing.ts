// The outcome of a check that cannot be measured because a compared milestone has no occurrence.
import type { Occurrence } from '../../model/types.js';
import { daysBetween, involve } from '../refs.js';
import type { CheckKind, CheckOutcome } from '../types.js';
import type { InstanceView } from '../view.js';

export function missingOutcome(
  kind: CheckKind,
  missing: readonly string[],
  present: readonly Occurrence[],
  view: InstanceView
): CheckOutcome {
  const ends = missing.flatMap(id => {
    const span = view.span(id.split('.')[0] ?? '');
    return span ? [span.end] : [];
  });
  const openUntil = ends.reduce<(typeof ends)[number] | undefined>(
    (a, b) => (a === undefined || daysBetween(b, a) < 0 ? b : a),
    undefined
  );
  const [cycleId = '', key] = (missing[0] ?? '').split('.');
  const at = view.cycle(cycleId)?.milestones.find(m => m.key === key)?.at;
  return {
    kind,
    holds: false,
    ...(at ? { at } : {}),
    slackDays: null,
    allowed: { unit: 'days' },
    milestones: present.map(involve),
    ...(openUntil ? { openUntil } : {}),
    messageKey: 'missing',
    params: { ids: missing.join(', '), instance: view.instance },
  };
}
