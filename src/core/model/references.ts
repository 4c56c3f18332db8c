// What a rule's `from` names: `origin` (the first day of the instance, or of year n), `end` (its last day),
// a milestone of the same cycle (`publication`, its last day with `publication.end`) or of another cycle
// (`socta.publication`, `socta.publication.end`).
export type From =
  { anchor: 'origin' | 'end' } | { anchor: 'milestone'; cycle: string | undefined; key: string; side: 'start' | 'end' };

/** Milestone keys that would read as something else in a `from`. */
export const RESERVED_KEYS: readonly string[] = ['origin', 'end'];

export function parseFrom(text: string): From {
  if (text === 'origin' || text === 'end') return { anchor: text };
  const parts = text.split('.');
  const side = parts.at(-1) === 'end' && parts.length > 1 ? 'end' : 'start';
  const names = side === 'end' ? parts.slice(0, -1) : parts;
  return names.length === 2
    ? { anchor: 'milestone', cycle: names[0], key: names[1]!, side }
    : { anchor: 'milestone', cycle: undefined, key: names[0]!, side };
}
