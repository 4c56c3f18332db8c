// The calendar set as a whole: rules that start from another cycle's milestone (`from: socta.publication`)
// must name one that exists and has a rule, and no chain of references may loop across cycles.
import { CycleSyncError } from '../../errors.js';
import { knownHint } from '../did-you-mean.js';
import { parseFrom } from './references.js';
import type { Cycle, MilestoneDef } from './types.js';

interface Edge {
  from: MilestoneDef;
  to: string;
  side: 'date' | 'start' | 'end';
}

function edgesOf(cycle: Cycle): Edge[] {
  const defs = new Set(cycle.eras.flatMap(e => e.milestones));
  const edges: Edge[] = [];
  for (const def of defs) {
    if (!def.rule) continue;
    const sides =
      def.kind === 'point'
        ? ([['date', def.rule.start]] as const)
        : ([
            ['start', def.rule.start],
            ['end', def.rule.end],
          ] as const);
    for (const [side, rule] of sides) {
      if (rule.from === undefined) continue;
      const ref = parseFrom(rule.from);
      if (ref.anchor === 'milestone') edges.push({ from: def, to: `${ref.cycle ?? cycle.id}.${ref.key}`, side });
    }
  }
  return edges;
}

export function linkCycles(cycles: readonly Cycle[]): void {
  const defs = new Map(cycles.flatMap(c => c.milestones.map(m => [m.id, m] as const)));
  const edges = cycles.flatMap(edgesOf);
  const fail = (e: Edge, message: string, hint: string): never => {
    throw new CycleSyncError({
      code: 'REFERENCE',
      message,
      ...(e.from.at ? { at: e.from.at } : {}),
      path: `milestones.${e.from.key}.${e.side}.from`,
      hint,
    });
  };
  for (const e of edges) {
    const [cycleId = ''] = e.to.split('.');
    const cycle = cycles.find(c => c.id === cycleId);
    if (!cycle)
      fail(
        e,
        `${e.from.id} starts from "${e.to}": there is no cycle "${cycleId}"`,
        knownHint(
          cycleId,
          cycles.map(c => c.id),
          'cycles'
        )
      );
    const target = defs.get(e.to);
    if (!target)
      fail(
        e,
        `${e.from.id} starts from "${e.to}", which does not exist`,
        knownHint(
          e.to,
          cycle!.milestones.map(m => m.id),
          'milestones'
        )
      );
    else if (!target.rule && !cycle!.eras.some(era => era.milestones.find(m => m.id === e.to)?.rule))
      fail(
        e,
        `${e.from.id} starts from "${e.to}", which has no rule (records only)`,
        'start from a milestone that has a `date` or `start` rule'
      );
    else if (target.yearly && !e.from.yearly)
      fail(
        e,
        `${e.from.id} happens once per instance but starts from the yearly milestone "${e.to}"`,
        'start from a per-instance milestone, or make this one `repeat: yearly`'
      );
  }
  findLoop(edges);
}

/** A chain of references that comes back to where it started, across cycles. */
function findLoop(edges: readonly Edge[]): void {
  const next = new Map<string, Edge[]>();
  for (const e of edges) next.set(e.from.id, [...(next.get(e.from.id) ?? []), e]);
  const state = new Map<string, 'visiting' | 'done'>();
  // Iterative depth-first search: a long chain of references must not exhaust the stack.
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; i: number }[] = [{ id: start, i: 0 }];
    state.set(start, 'visiting');
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const out = next.get(top.id) ?? [];
      if (top.i >= out.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const edge = out[top.i++]!;
      const seen = state.get(edge.to);
      if (seen === 'done') continue;
      if (seen === 'visiting') {
        const trail = stack.map(s => s.id);
        const loop = [...trail.slice(trail.indexOf(edge.to)), edge.to];
        throw new CycleSyncError({
          code: 'REFERENCE_LOOP',
          message: `reference loop: ${loop.join(' → ')}`,
          ...(edge.from.at ? { at: edge.from.at } : {}),
          path: `milestones.${edge.from.key}.${edge.side}.from`,
          hint: 'one of these milestones must be placed from `origin`, a fixed day (`on`) or a weekday rule (`nth`)',
        });
      }
      state.set(edge.to, 'visiting');
      stack.push({ id: edge.to, i: 0 });
    }
  }
}
