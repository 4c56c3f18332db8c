// The registry of rule kinds: one small module per kind, looked up by the `kind` a rule names.
import type { Check, CheckKind, CheckOutcome } from '../types.js';
import type { InstanceView } from '../view.js';
import { before } from './before.js';
import { cadence } from './cadence.js';
import { gap } from './gap.js';
import type { KindImpl, ShiftEstimate } from './kind.js';
import { nest } from './nest.js';
import { samePeriod } from './same-period.js';

export type { KindImpl, ShiftEstimate };

const KINDS: { [K in CheckKind]: KindImpl<K> } = {
  'same-period': samePeriod,
  gap,
  before,
  nest,
  cadence,
};

/** The registry entry for a check, typed for that check (TypeScript cannot correlate the union by itself). */
const implOf = (check: Check): KindImpl<CheckKind> => KINDS[check.kind] as unknown as KindImpl<CheckKind>;

export const evaluateCheck = (check: Check, view: InstanceView): CheckOutcome | undefined =>
  implOf(check).evaluate(check as never, view);
export const estimateShifts = (check: Check, view: InstanceView): ShiftEstimate =>
  implOf(check).shifts(check as never, view);
export const readsOf = (check: Check): { milestones: string[]; cycles: string[] } =>
  implOf(check).reads(check as never);
