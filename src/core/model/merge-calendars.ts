// `extends`: a planner's calendar overrides only what differs from its parent. Pure, on raw (unvalidated)
// objects, so the merged result is validated once with the full schema.

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose value is replaced whole: mixing two rules' anchors would make a rule neither file wrote. */
const REPLACED = new Set(['date', 'start', 'end']);
/** Recorded dates merge by the occurrence they describe; a child's entry replaces the parent's. */
const RECORDED = new Set(['history', 'planned']);

/**
 * The occurrence a recorded date describes: its instance and/or year, or, for a milestone known only from
 * its history (no instance, no year), the date itself — two meetings are two entries.
 */
const entryKey = (e: unknown): string => {
  if (!isObject(e)) return JSON.stringify(e);
  if (e['instance'] === undefined && e['year'] === undefined) return `date:${String(e['date'])}`;
  return `${String(e['instance'] ?? '')}/${String(e['year'] ?? '')}`;
};

/** Where an entry of a merged list came from: the child's list or the parent's, and its index there. */
export type EntryOrigin = { from: 'child' | 'parent'; index: number };
/** Called for every entry of a merged list, so that errors can point at the line that wrote it. */
export type OnEntry = (path: readonly (string | number)[], origin: EntryOrigin) => void;

export function mergeCalendar(
  parent: unknown,
  child: unknown,
  onEntry: OnEntry = () => {},
  at: readonly (string | number)[] = []
): unknown {
  if (!isObject(parent) || !isObject(child)) return child;
  const out: Raw = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    if (key === 'extends') continue;
    const base = parent[key];
    if ((RECORDED.has(key) || key === 'holidays') && Array.isArray(base) && Array.isArray(value)) {
      // Recorded dates: a child's entry replaces the parent's for the same occurrence. Holidays: a planner
      // adds national ones to the region's list.
      const merged = new Map<string, { e: unknown; origin: EntryOrigin }>();
      base.forEach((e, index) =>
        merged.set(key === 'holidays' ? `p${index}` : entryKey(e), { e, origin: { from: 'parent', index } })
      );
      value.forEach((e, index) =>
        merged.set(key === 'holidays' ? `c${index}` : entryKey(e), { e, origin: { from: 'child', index } })
      );
      out[key] = [...merged.values()].map(({ e, origin }, i) => {
        onEntry([...at, key, i], origin);
        return e;
      });
    } else if (REPLACED.has(key) || !isObject(base) || !isObject(value)) {
      out[key] = value;
    } else {
      out[key] = mergeCalendar(base, value, onEntry, [...at, key]);
    }
  }
  return out;
}
