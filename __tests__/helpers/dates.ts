import { Temporal } from 'temporal-polyfill';

export const d = (iso: string): Temporal.PlainDate => Temporal.PlainDate.from(iso);
export const iso = (date: Temporal.PlainDate | undefined): string | undefined => date?.toString();
