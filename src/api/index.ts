// The programmatic API, for planners' own tools (dashboards, bots): `import { plan, check, … } from 'cyclesync'`.
// Each function takes one plain options object and returns the data the CLI's JSON output holds, built by the
// same function (planData, checkData, lintData, manifestData), so the two cannot differ. Nothing here reads
// argv or the environment or writes to stdout; a mistake in the input is a CycleSyncError carrying the same
// file, line, field and hint as the CLI prints. Each function loads the code it needs when called, as each
// command does: importing the package (and running the command line, which shares its bundle) evaluates none of it.
import path from 'node:path';
import type { CheckData } from '../render/findings/json.js';
import type { LintData } from '../render/lint/json.js';
import type { PlanData } from '../render/plan/json.js';
import type { ManifestData } from '../render/ics/manifest.js';
import type { ReportFormat } from '../app/report.js';
import type { Lang } from '../schema/langs.js';
import { VERSION } from '../version.js';
import {
  calendarsHandle,
  calendarsOf,
  dayOf,
  langOf,
  nowOf,
  oneOf,
  stringOf,
  stringsOf,
  todayOf,
  usage,
} from './options.js';
import type { Calendars } from './options.js';

export { CycleSyncError, ERROR_CODES, EXIT } from '../errors.js';
export type { CycleSyncErrorInit, ErrorCode, SourceLocation } from '../errors.js';
export type { Calendars, CheckData, LintData, ManifestData, PlanData, ReportFormat, Lang };
export type { OccurrenceRecord } from '../render/plan/json.js';
export type { DriftRecord, FindingRecord, MilestoneRecord, SuggestionRecord } from '../render/findings/json.js';
export { VERSION };

/** Options every function that reads calendars takes. */
export interface CalendarOptions {
  /** The folder relative paths are resolved against; default: `process.cwd()`. */
  cwd?: string;
  /**
   * Calendar files or folders, as `--calendars` takes them (each replaces or extends a built-in cycle;
   * `builtin:ideal` names a built-in one), or what `loadCalendars()` returned. Default: the built-in calendars.
   */
  calendars?: readonly string[] | Calendars;
  /** Run as if today were this day, `YYYY-MM-DD`; default: the system's local date. */
  today?: string;
}

export interface LoadOptions {
  cwd?: string;
  calendars?: readonly string[];
}

export interface PlanOptions extends CalendarOptions {
  /** Only these cycles (`socta`, `ideal`, `joint`, …); default: all. */
  cycles?: readonly string[];
  /** The first and last day of the horizon, `YYYY-MM-DD`; default: the instance containing today, the one before and the one after. */
  from?: string;
  to?: string;
  /** The language of titles; default `en`. */
  lang?: Lang;
}

export interface CheckOptions extends CalendarOptions {
  /** An alignment rules file; default: `alignment.yaml` in a calendars folder, else the built-in rules. */
  rules?: string;
  /** The lowest severity of a plan finding that makes `ok` false; default `error`. */
  failOn?: 'error' | 'warning';
  /** History findings make `ok` false too; default false. */
  includeHistory?: boolean;
  /** What-ifs: `ideal.publication=+P3W`, `ideal=-P1M`, `ideal@2030-2033=-P72D`. */
  shift?: readonly string[];
  /** What-ifs: `ideal.period=P3Y`. */
  set?: readonly string[];
  /** The cycle fixes move; default: the rules file's (`ideal`). */
  movable?: string;
  /** Only these instances (`2030-2033`, or `2030`); default: around today. */
  instances?: readonly string[];
  /** The language of messages; default `en`. */
  lang?: Lang;
}

export interface FeedsOptions extends CalendarOptions {
  /** Feed languages; the first one's files have no suffix (`joint.ics`), the others do (`joint.es.ics`). Default `['en']`. */
  langs?: readonly Lang[];
  /** The instant stamped on new and changed events (DTSTAMP); default: the clock, to the second. */
  now?: Date | string;
  /**
   * The previous run's `state` (the text of a feeds folder's `.cyclesync-state.json`): unchanged events keep
   * their SEQUENCE and DTSTAMP, moved ones get SEQUENCE+1, removed ones stay cancelled for `grace`. Without
   * it every event is new.
   */
  state?: string;
  /** UIDs end in `@<domain>`; set it once and never change it. Default `cyclesync.invalid`. */
  domain?: string;
  /** The public https URL of the folder the feeds are published in: feeds.json then lists https and webcal links. */
  baseUrl?: string;
  /** Display alarms before deadlines, e.g. `['P14D', 'P2D']`. */
  remind?: readonly string[];
  /** How long a removed milestone stays as cancelled; default `P30D`. */
  grace?: string;
  from?: string;
  to?: string;
  /** The longest window shown as one all-day span; default 31 days. */
  maxSpanDays?: number;
  /** Alignment findings as events of joint.ics; default true. */
  findings?: boolean;
  /** An alignment rules file, as for `check`. */
  rules?: string;
}

export interface Feeds {
  /** Every .ics (scopes eu, latam, joint; languages in the order asked), then feeds.json: what `feeds --out` writes. */
  files: { name: string; content: string; contentType: string }[];
  /** feeds.json's data. */
  manifest: ManifestData;
  /** The new state, to pass as `state` next time (what `feeds` writes as `.cyclesync-state.json`). */
  state: string;
  /** Feeds that are large for some clients (over 512 KB). */
  warnings: string[];
  /** How the events changed since `state`. */
  changes: { added: number; changed: number; cancelled: number; dropped: number; unchanged: number };
}

export interface ReportOptions extends CalendarOptions {
  /** `html` (one self-contained page), `md` (a pull-request comment), `svg` (the timeline) or `json`; default `html`. */
  format?: ReportFormat;
  lang?: Lang;
  from?: string;
  to?: string;
  /** An alignment rules file, as for `check`. */
  rules?: string;
  /** An earlier `report --format json` or `plan --format json`, or a feeds state file: the report shows what moved since. */
  previous?: string;
}

export interface Report {
  content: string;
  contentType: string;
}

export interface LintOptions {
  /** Feeds to lint: paths (relative to `cwd`), or `{ name, content }` for a feed held in memory. */
  files: readonly (string | { name: string; content: string | Uint8Array })[];
  /** `snapshot` (what `feeds` writes: no METHOD) or `publish` (METHOD:PUBLISH with an ORGANIZER); default `snapshot`. */
  profile?: 'snapshot' | 'publish';
  cwd?: string;
}

const SEVERITIES = ['error', 'warning'] as const;
const PROFILES = ['snapshot', 'publish'] as const;

const cwdOf = (value: unknown): string => path.resolve(stringOf('cwd', value) ?? process.cwd());

/** The working folder and today, as every command receives them. */
const contextOf = (opts: CalendarOptions) => ({ cwd: cwdOf(opts.cwd), today: todayOf(opts.today) });

/**
 * Reads and validates calendar files (schema, `extends`, references between milestones), for the other
 * functions to use without reading them again.
 * @throws CycleSyncError (code `FILE_NOT_FOUND`, `YAML_SYNTAX`, `SCHEMA`, `REFERENCE`, …) at the file and line.
 */
export async function loadCalendars(opts: LoadOptions = {}): Promise<Calendars> {
  const cwd = cwdOf(opts.cwd);
  const specs = stringsOf('calendars', opts.calendars);
  const { loadCalendars: loadCycles } = await import('../io/load-calendars.js');
  return calendarsHandle(await loadCycles({ cwd, calendars: specs }), specs, cwd);
}

/** The milestones of every cycle in a horizon: what `plan --format json` prints. */
export async function plan(opts: PlanOptions = {}): Promise<PlanData> {
  const { specs, loaded } = calendarsOf(opts.calendars);
  const { planOccurrences } = await import('../app/plan.js');
  const { planData } = await import('../render/plan/json.js');
  const { horizon, occurrences } = await planOccurrences(contextOf(opts), {
    calendars: specs,
    loaded,
    cycles: stringsOf('cycles', opts.cycles),
    from: dayOf('from', opts.from),
    to: dayOf('to', opts.to),
  });
  return planData(horizon, occurrences, langOf('lang', opts.lang));
}

/** The alignment check: what `check --format json` prints. `ok` is false where the CLI exits 1. */
export async function check(opts: CheckOptions = {}): Promise<CheckData> {
  const { specs, loaded } = calendarsOf(opts.calendars);
  const { findingsInput, runCheck } = await import('../app/check.js');
  const { checkData } = await import('../render/findings/json.js');
  const { parseInstance, parseSet, parseShift } = await import('../app/what-ifs.js');
  const run = await runCheck(contextOf(opts), {
    calendars: specs,
    loaded,
    rules: stringOf('rules', opts.rules),
    failOn: oneOf('failOn', opts.failOn, SEVERITIES, 'error'),
    includeHistory: opts.includeHistory === true,
    whatIfs: [...stringsOf('shift', opts.shift).map(parseShift), ...stringsOf('set', opts.set).map(parseSet)],
    movable: stringOf('movable', opts.movable),
    instances: stringsOf('instances', opts.instances).map(parseInstance),
  });
  return checkData(findingsInput(run, VERSION), langOf('lang', opts.lang));
}

/**
 * The iCalendar feeds and feeds.json, built in memory, linted and parsed back as `feeds` does before it writes;
 * nothing is written. Keep `state` and pass it next time, so that subscribers see moves as updates.
 */
export async function buildFeeds(opts: FeedsOptions = {}): Promise<Feeds> {
  const { specs, loaded } = calendarsOf(opts.calendars);
  const from = dayOf('from', opts.from);
  const to = dayOf('to', opts.to);
  const state = stringOf('state', opts.state);
  const domain = stringOf('domain', opts.domain);
  const baseUrl = stringOf('baseUrl', opts.baseUrl);
  const rules = stringOf('rules', opts.rules);
  const grace = stringOf('grace', opts.grace);
  const { buildFeeds: buildFeedsApp } = await import('../app/feeds.js');
  const { verifyFeeds } = await import('../app/verify-feed.js');
  const { parseFeedState, serializeState } = await import('../io/feed-state.js');
  const built = await buildFeedsApp(
    { ...contextOf(opts), now: nowOf(opts.now) },
    {
      calendars: specs,
      ...(loaded ? { loaded } : {}),
      langs: (opts.langs ?? ['en']).map((l, i) => langOf(`langs[${i}]`, l)),
      ...(state === undefined ? {} : { previousState: parseFeedState(state, 'state') }),
      ...(domain === undefined ? {} : { domain }),
      ...(baseUrl === undefined ? {} : { baseUrl }),
      remind: stringsOf('remind', opts.remind),
      ...(grace === undefined ? {} : { grace }),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(opts.maxSpanDays === undefined ? {} : { maxSpanDays: opts.maxSpanDays }),
      findings: opts.findings !== false,
      ...(rules === undefined ? {} : { rules }),
    }
  );
  verifyFeeds(built);
  const text = new TextDecoder();
  return {
    files: built.files.map(f => ({ name: f.name, content: text.decode(f.bytes), contentType: f.contentType })),
    manifest: built.manifest,
    state: serializeState(built.state),
    warnings: built.warnings,
    changes: built.changes,
  };
}

/** The alignment report for both regions, as `report` writes it (HTML, Markdown, SVG or JSON). */
export async function renderReport(opts: ReportOptions = {}): Promise<Report> {
  const { specs, loaded } = calendarsOf(opts.calendars);
  const { buildReport, REPORT_FORMATS } = await import('../app/report.js');
  return buildReport(contextOf(opts), {
    calendars: specs,
    loaded,
    rules: stringOf('rules', opts.rules),
    format: oneOf('format', opts.format, REPORT_FORMATS, 'html'),
    lang: langOf('lang', opts.lang),
    from: dayOf('from', opts.from),
    to: dayOf('to', opts.to),
    previous: stringOf('previous', opts.previous),
  });
}

/** The strict feed linter: what `lint-ics --format json` prints. A feed with an error finding fails `lint-ics`. */
export async function lintIcs(opts: LintOptions): Promise<LintData> {
  const files: unknown = opts?.files;
  if (!Array.isArray(files)) throw usage('files', files, 'an array of paths or { name, content } objects');
  const inputs = files.map((f: unknown, i) => {
    if (typeof f === 'string') return f;
    const { name, content } = (f ?? {}) as { name?: unknown; content?: unknown };
    if (typeof name !== 'string' || !(typeof content === 'string' || content instanceof Uint8Array))
      throw usage(`files[${i}]`, f, 'a path, or { name: string, content: string | Uint8Array }');
    return { name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content };
  });
  const profile = oneOf('profile', opts.profile, PROFILES, 'snapshot');
  const { lintInputs } = await import('../app/lint-ics.js');
  const { lintData } = await import('../render/lint/json.js');
  return lintData(await lintInputs({ cwd: cwdOf(opts.cwd) }, inputs, { profile }));
}
