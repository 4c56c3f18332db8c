// Findings inputs for the renderer tests, from real runs of the engine on fixtures.
import { Temporal } from 'temporal-polyfill';
import { runCheck } from '../../../src/app/check.js';
import type { CheckOptions } from '../../../src/app/check.js';
import { titlesOf } from '../../../src/render/findings/common.js';
import type { FindingsInput } from '../../../src/render/findings/index.js';
import { ROOT } from '../../helpers/run-cli.js';

export const TODAY = Temporal.PlainDate.from('2026-11-29');

/** The input `check` renders; `titled` as the CLI gives it, with milestone titles (else messages name ids alone). */
export async function findingsInput(opts: Partial<CheckOptions> = {}, titled = false): Promise<FindingsInput> {
  const run = await runCheck({ cwd: ROOT, today: TODAY }, { calendars: [], ...opts });
  return {
    ...(titled ? { titles: titlesOf(run.cycles) } : {}),
    result: run.result,
    rules: run.ruleSet.rules,
    today: run.today,
    gate: run.gate,
    whatIfs: [],
    rulesFile: run.rulesFile,
    toolVersion: '0.1.0',
  };
}

export const LATE = { calendars: ['fixtures/alignment/late-ideal/calendars'] };
export const P3Y = { calendars: ['fixtures/alignment/ideal-p3y/calendars'] };
