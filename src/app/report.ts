// `cyclesync report`: load → expand → check → compare with the previous publication → render (HTML, Markdown,
// SVG or JSON) → write atomically or hand back for stdout. `serve` calls `buildReport` for the page at `/`.
import path from 'node:path';
import type { Temporal } from 'temporal-polyfill';
import { expandBacktested } from '../core/model/backtest.js';
import { instancesBetween } from '../core/model/instances.js';
import { resolveHorizon } from '../core/model/horizon.js';
import type { InvolvedMilestone, Suggestion } from '../core/alignment/types.js';
import type { Cycle, Horizon } from '../core/model/types.js';
import { loadCalendars } from '../io/load-calendars.js';
import { readInputText } from '../io/read-input.js';
import { writeFileAtomic } from '../io/write-output.js';
import { detailLines, localized, suggestionLines, titlesOf } from '../render/findings/common.js';
import type { Titles } from '../render/findings/types.js';
import { diffSnapshot } from '../render/report/changes.js';
import type { ReportCheck, ReportMilestoneRef, ReportSuggestion } from '../render/report/check-view.js';
import { renderReportHtml } from '../render/report/html.js';
import { renderReportJson } from '../render/report/json.js';
import { renderReportMarkdown } from '../render/report/markdown.js';
import { buildReportView } from '../render/report/model.js';
import { parsePrevious } from '../render/report/previous.js';
import { renderTimelineSvg } from '../render/timeline/svg.js';
import type { Lang } from '../schema/primitives.js';
import { runCheck } from './check.js';
import type { CheckRun } from './check.js';
import type { AppContext } from './context.js';
import { referenceCycle } from './select-cycles.js';

export const REPORT_FORMATS = ['html', 'md', 'svg', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface ReportOptions {
  /** Calendar files or folders, as `--calendars` takes them (default: the built-ins). */
  calendars?: readonly string[];
  /** The cycles of `calendars` when the caller has loaded them already (`serve`, after the feeds), so they are not read twice. */
  loaded?: readonly Cycle[] | undefined;
  /** Alignment rules file, as `check --rules` takes it (default: a folder's alignment.yaml, else the built-in). */
  rules?: string | undefined;
  /** Default `html`. */
  format?: ReportFormat;
  /** Default `en`. */
  lang?: Lang;
  from?: Temporal.PlainDate | undefined;
  to?: Temporal.PlainDate | undefined;
  /** A previous `report --format json` / `plan --format json`, or a feeds folder's `.cyclesync-state.json`. */
  previous?: string | undefined;
  /** Write here (atomically) instead of returning the content for stdout. */
  out?: string | undefined;
}

export interface BuiltReport {
  content: string;
  contentType: string;
}

/** Previous publications are small JSON files; anything this large is the wrong file. */
const MAX_PREVIOUS_BYTES = 32 * 1024 * 1024;

function readPrevious(cwd: string, file: string): { text: string; shownAs: string } {
  const abs = path.resolve(cwd, file);
  const shownAs = path.relative(cwd, abs) || file;
  const text = readInputText(abs, shownAs, {
    maxBytes: MAX_PREVIOUS_BYTES,
    what: '--previous',
    notFoundHint: 'save one with `cyclesync report --format json --out previous.json` when you publish',
  });
  return { text, shownAs };
}

/** The instances (first years) of the reference cycle that overlap the horizon: what the check evaluates. */
const instancesIn = (reference: Cycle, horizon: Horizon): number[] =>
  instancesBetween(reference, horizon.from.year, horizon.to.year).map(s => s.year);

const milestoneRef = (m: InvolvedMilestone): ReportMilestoneRef => ({
  id: m.id,
  instance: m.instance,
  year: m.year,
  start: m.start,
  end: m.end,
  status: m.status,
  precision: m.precision,
  basis: m.basis,
  band: m.band,
  untested: m.untested ?? [],
  at: m.at,
});

const reportSuggestion = (s: Suggestion, lang: Lang, titles: Titles): ReportSuggestion => ({
  instance: s.instance,
  lines: suggestionLines(s, lang, titles),
  edit: s.edit,
  shiftDays: s.shiftDays,
  whatIf: s.whatIf,
});

/** The check's result in the report's terms, messages in the report's language. */
function toReportCheck(run: CheckRun, lang: Lang): ReportCheck {
  const { result } = run;
  // Milestones named by their title (and id), as check's text names them.
  const titles = titlesOf(run.cycles);
  return {
    ok: result.ok,
    rules: run.ruleSet.rules
      .filter(r => r.severity !== 'off')
      .map(r => ({
        id: r.id,
        clauses: r.clauses,
        severity: r.severity,
        description: r.description[lang],
        interpretation: r.interpretation?.[lang],
      })),
    evaluations: result.evaluations.map(e => ({
      rule: e.rule,
      clauses: e.clauses,
      severity: e.severity,
      instance: e.instance,
      status: e.status,
      state: e.state,
      slackDays: e.slackDays ?? undefined,
      measuredDays: e.measuredDays,
      allowed: { min: e.allowed.min, max: e.allowed.max },
      milestones: e.milestones.map(milestoneRef),
      rests: e.rests.map(milestoneRef),
      toConfirm: e.toConfirm.map(milestoneRef),
      band: e.band,
      message: localized(e, lang, titles),
      details: detailLines(e, lang),
    })),
    suggestions: result.suggestions.map(s => reportSuggestion(s, lang, titles)),
    drift: result.drift.map(d => localized(d, lang, titles)),
  };
}

/** Builds the report in memory: what `report` writes and what `serve` serves at `/`. */
export async function buildReport(ctx: AppContext, opts: ReportOptions): Promise<BuiltReport> {
  const format = opts.format ?? 'html';
  const lang = opts.lang ?? 'en';
  const calendars = opts.calendars ?? [];
  const cycles = opts.loaded ?? (await loadCalendars({ cwd: ctx.cwd, calendars }));
  const reference = referenceCycle(cycles);
  const horizon = resolveHorizon(reference, ctx.today, opts.from, opts.to);
  const occurrences = expandBacktested(cycles, ctx.today).overlapping(horizon);
  // The check evaluates the instances the report shows, on the cycles loaded above.
  const run = await runCheck(ctx, {
    calendars,
    loaded: cycles,
    rules: opts.rules,
    instances: instancesIn(reference, horizon),
  });
  const check = toReportCheck(run, lang);
  let changes: { file: string; set: ReturnType<typeof diffSnapshot> } | undefined;
  if (opts.previous !== undefined) {
    const { text, shownAs } = readPrevious(ctx.cwd, opts.previous);
    changes = { file: path.basename(shownAs), set: diffSnapshot(parsePrevious(text, shownAs), occurrences, horizon) };
  }
  const view = buildReportView({ lang, today: ctx.today, horizon, occurrences, check, changes });
  const content =
    format === 'html'
      ? renderReportHtml(view)
      : format === 'md'
        ? renderReportMarkdown(view)
        : format === 'svg'
          ? renderTimelineSvg(view.timeline)
          : renderReportJson({
              today: ctx.today,
              lang,
              horizon,
              occurrences,
              check,
              verdict: view.verdict,
              changes: changes?.set,
            });
  return { content, contentType: REPORT_CONTENT_TYPES[format] };
}

/** `cyclesync report`: with `out`, writes the file atomically and returns where; else returns the content. */
export async function report(
  ctx: AppContext,
  opts: ReportOptions
): Promise<BuiltReport & { written: string | undefined }> {
  const built = await buildReport(ctx, opts);
  if (opts.out === undefined) return { ...built, written: undefined };
  const target = path.resolve(ctx.cwd, opts.out);
  await writeFileAtomic(target, built.content);
  return { ...built, written: path.relative(ctx.cwd, target) || target };
}
