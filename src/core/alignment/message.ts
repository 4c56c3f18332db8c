// The engine speaks in message keys with language-neutral params; renderers translate them (src/i18n holds
// the catalogs, which must cover every key below: a test checks it).
export const ENGINE_MESSAGE_KEYS = [
  'missing',
  'gap.after',
  'gap.before',
  'gap.same',
  'nest.holds',
  'nest.broken',
  'nest.noOuter',
  'nest.none',
  'cadence.every.holds',
  'cadence.every.gap',
  'cadence.after.holds',
  'cadence.after.missing',
  'samePeriod.holds',
  'samePeriod.broken',
  'suggest.shift',
  'suggest.fixed',
  'suggest.disjoint',
  'drift.firstBreak',
  'drift.noBreak',
] as const;

export type CheckMessageKey = (typeof ENGINE_MESSAGE_KEYS)[number];

/** A signed number param (`+3`, `-1`, `0`): how drift and shifts are written in messages. */
export const signedParam = (n: number): string => (n > 0 ? `+${n}` : String(n));
