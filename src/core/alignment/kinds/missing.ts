// The outcome of a check that cannot be measured because a compared milestone has no occurrence.
import type { Occurrence } from '../../model/types.js';
import type { SourceLocation } from '../../../errors.js';
import { daysBetween, involve, parseRef } from '../refs.js';
import type { CheckKind, CheckOutcome } from '../types.js';
import type { InstanceView } from '../view.js';

/** Where a milestone (`cycle.key`) is defined: the line a fix belongs on when it has no occurrence to point at. */
export function definitionAt(view: InstanceView, id: string): SourceLocation | undefined {
  const { cycle, key } = parseRef(id);
  return view.cycle(cycle)?.milestones.find(m => m.key === key)?.at;
}

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
  const at = definitionAt(view, missing[0] ?? '');
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
