import type { Temporal } from 'temporal-polyfill';

/** What every use-case receives from the CLI: where it runs and what day it is. Nothing else is ambient. */
export interface AppContext {
  cwd: string;
  today: Temporal.PlainDate;
}
