// `cyclesync check`: load calendars and rules → apply what-ifs → check alignment → render. `runCheck` is the
// part the report and the feeds call; `check` adds the format and the exit code.
import type { Temporal } from 'temporal-polyfill';
import { applyWhatIfs, checkAlignment } from '../core/alignment/index.js';
import type { AlignmentResult, AlignmentRuleSet, Gate, WhatIf } from '../core/alignment/index.js';
import type { Cycle, SourceLocation } from '../core/model/types.js';
import { EXIT } from '../errors.js';
import { findRulesFile, loadAlignment } from '../io/load-alignment.js';
import { loadCalendars, shownPath } from '../io/load-calendars.js';
import { isOutsideRepo } from '../io/resolve-spec.js';
import { titlesOf } from '../render/findings/common.js';
import { renderFindings } from '../render/findings/index.js';
import type { FindingsFormat, FindingsInput } from '../render/findings/index.js';
import type { Lang } from '../schema/primitives.js';
import type { AppContext } from './context.js';

export interface CheckOptions {
  /** Calendar files or folders (`--calendars`); a folder may hold an alignment.yaml. */
  calendars: readonly string[];
  /** The cycles of `calendars` when the caller has loaded them already (the report), so they are not read twice. */
  loaded?: readonly Cycle[] | undefined;
  /** A rules file (`--rules`), `builtin:alignment` or a path; default: a folder's alignment.yaml, else the built-in rules. */
  rules?: string | undefined;
  /** `--fail-on` (default `error`). */
  failOn?: 'error' | 'warning' | undefined;
  /** `--include-history`: history findings fail the check too. */
  includeHistory?: boolean | undefined;
  /** `--shift ideal.publication=+P3W`, `--shift ideal=-P1M`, `--set ideal.period=P3Y`, as parsed. */
  whatIfs?: readonly WhatIf[] | undefined;
  /** `--movable` (default: the rules file's `movable`, else `ideal`). */
  movable?: string | undefined;
  /** `--instance`: first years of the instances; default: the instance containing today, the one before and after. */
  instances?: readonly number[] | undefined;
}

export interface CheckOutputOptions extends CheckOptions {
  format: FindingsFormat;
  lang: Lang;
  color: boolean;
  /** The tool version SARIF names (the CLI passes its own). */
  toolVersion: string;
}

export interface CheckRun {
  result: AlignmentResult;
  /** The cycles checked, what-ifs applied. */
  cycles: Cycle[];
  ruleSet: AlignmentRuleSet;
  /** The rules file used, as shown to users. */
  rulesFile: string;
  /** The rules file used, absolute. */
  rulesPath: string;
  whatIfs: readonly WhatIf[];
  gate: Gate;
  today: Temporal.PlainDate;
}

export async function runCheck(ctx: AppContext, opts: CheckOptions): Promise<CheckRun> {
  const whatIfs = opts.whatIfs ?? [];
  const loaded = opts.loaded ?? (await loadCalendars({ cwd: ctx.cwd, calendars: opts.calendars }));
  const rulesAbs = findRulesFile(ctx.cwd, opts.rules, opts.calendars);
  const ruleSet = await loadAlignment(rulesAbs, ctx.cwd);
  const cycles = applyWhatIfs(loaded, whatIfs);
  const gate: Gate = { failOn: opts.failOn ?? 'error', includeHistory: opts.includeHistory ?? false };
  const instances = opts.instances && opts.instances.length > 0 ? [...opts.instances] : undefined;
  const movable = opts.movable ?? ruleSet.movable;
  const result = checkAlignment({
    cycles,
    rules: ruleSet.rules,
    today: ctx.today,
    movable,
    gate,
    ...(instances ? { instances } : {}),
  });
  const rulesFile = shownPath(ctx.cwd, rulesAbs);
  return { result, cycles, ruleSet, rulesFile, rulesPath: rulesAbs, whatIfs, gate, today: ctx.today };
}

/** What every findings format (and the programmatic API's `check()`) renders from one run. */
export const findingsInput = (run: CheckRun, toolVersion: string): FindingsInput => ({
  result: run.result,
  rules: run.ruleSet.rules,
  today: run.today,
  gate: run.gate,
  whatIfs: run.whatIfs.map(w => `--${w.kind === 'set-period' ? 'set' : 'shift'} ${w.text}`),
  rulesFile: run.rulesFile,
  toolVersion,
  inherited: inheritedFiles([...run.cycles, run.ruleSet]),
  titles: titlesOf(run.cycles),
});

export const exitCodeOf = (run: CheckRun): 0 | 1 => (run.result.ok ? EXIT.ok : EXIT.findings);

export async function check(ctx: AppContext, opts: CheckOutputOptions): Promise<{ output: string; exitCode: 0 | 1 }> {
  const run = await runCheck(ctx, opts);
  const output = renderFindings(opts.format, findingsInput(run, opts.toolVersion), {
    lang: opts.lang,
    color: opts.color,
  });
  return { output, exitCode: exitCodeOf(run) };
}

/**
 * The files of the calendars' and rules' `extends` chains that the planner's repository does not hold (an
 * installed cyclesync's built-ins), each with the `extends:` line of the planner's file that inherits it.
 */
function inheritedFiles(
  chains: readonly { files: readonly string[]; extendsAt?: SourceLocation | undefined }[]
): Map<string, SourceLocation | undefined> {
  const inherited = new Map<string, SourceLocation | undefined>();
  for (const { files, extendsAt } of chains) {
    const anchor = files[0] !== undefined && !isOutsideRepo(files[0]) ? extendsAt : undefined;
    for (const file of files) if (isOutsideRepo(file) && !inherited.get(file)) inherited.set(file, anchor);
  }
  return inherited;
}
