// `extends`: a planner's calendar overrides only what differs from its parent. Pure, on raw (unvalidated)
// objects, so the merged result is validated once with the full schema.

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose value is replaced whole: mixing two rules' anchors would make a rule neither file wrote. */
const REPLACED = new Set(['date', 'start', 'end']);
/** Recorded dates merge by the occurrence they describe; a child's entry replaces the parent's. */
const RECORDED = new Set(['history', 'planned']);

const entryKey = (e: unknown): string =>
  isObject(e) ? `${String(e['instance'] ?? '')}/${String(e['year'] ?? '')}` : JSON.stringify(e);

export function mergeCalendar(parent: unknown, child: unknown): unknown {
  if (!isObject(parent) || !isObject(child)) return child;
  const out: Raw = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    if (key === 'extends') continue;
    const base = parent[key];
    if (RECORDED.has(key) && Array.isArray(base) && Array.isArray(value)) {
      const byKey = new Map(base.map(e => [entryKey(e), e]));
      for (const e of value) byKey.set(entryKey(e), e);
      out[key] = [...byKey.values()];
    } else if (key === 'holidays' && Array.isArray(base) && Array.isArray(value)) {
      // A planner adds national holidays to the region's list.
      out[key] = [...base, ...value];
    } else if (REPLACED.has(key) || !isObject(base) || !isObject(value)) {
      out[key] = value;
    } else {
      out[key] = mergeCalendar(base, value);
    }
  }
  return out;
}
