// `cyclesync feeds`: calendars → occurrences → feed items → lifecycle (SEQUENCE, DTSTAMP, cancellations)
// → one .ics per scope and language + feeds.json, all in memory (buildFeeds, which `serve` calls too);
// then (writeFeeds) linted, parsed back, and only then written atomically under a lock.
import { createHash } from 'node:crypto';
import { mkdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../errors.js';
import { findingItems } from '../core/feeds/findings.js';
import { DEFAULT_MAX_SPAN_DAYS, planItems } from '../core/feeds/items.js';
import { applyLifecycle } from '../core/feeds/lifecycle.js';
import { FEED_SCOPES } from '../core/feeds/types.js';
import type { EmittedEvent, FeedItem, FeedScope, FeedState } from '../core/feeds/types.js';
import { checkDomain, DEFAULT_UID_DOMAIN } from '../core/feeds/uid.js';
import { expandBacktested } from '../core/model/backtest.js';
import { resolveHorizon } from '../core/model/horizon.js';
import type { Cycle, Horizon } from '../core/model/types.js';
import { translator } from '../i18n/define.js';
import { feedsMessages } from '../i18n/messages/feeds.js';
import { planMessages } from '../i18n/messages/plan.js';
import { readFeedState, serializeState, STATE_FILE } from '../io/feed-state.js';
import { loadCalendars } from '../io/load-calendars.js';
import { publishedName } from '../io/resolve-spec.js';
import { readInputBytes } from '../io/read-input.js';
import { acquireLock, checkTarget, sweepTemps, writeFileAtomic } from '../io/write-output.js';
import { DEFAULT_REFRESH, renderFeed } from '../render/ics/calendar.js';
import { localized, titlesOf } from '../render/findings/common.js';
import { ICS_CONTENT_TYPE, manifestData, renderManifest } from '../render/ics/manifest.js';
import type { ManifestData, ManifestEntry } from '../render/ics/manifest.js';
import { LANGS } from '../schema/primitives.js';
import type { Lang } from '../schema/primitives.js';
import { runCheck } from './check.js';
import { checkBaseUrl, checkLangs, checkMaxSpanDays, checkRemind, parseGrace } from './feeds-options.js';
import type { AppContext } from './context.js';
import { referenceCycle } from './select-cycles.js';
import { verifyFeeds } from './verify-feed.js';

export const MANIFEST_FILE = 'feeds.json';
/** Google Calendar drops events past about 1 MB; warn at half of it. */
export const FEED_WARN_BYTES = 512 * 1024;
export const FEED_MAX_BYTES = 1024 * 1024;
/** Every event takes over 256 bytes, so a feed of more events cannot fit in FEED_MAX_BYTES: refused before rendering. */
export const FEED_MAX_EVENTS = FEED_MAX_BYTES / 256;
export const DEFAULT_GRACE = 'P30D';
/** The zones every timed milestone is also shown in, when no loaded cycle names one for its region. */
const REGION_ZONES: Record<string, string> = { eu: 'Europe/Brussels', latam: 'America/Panama' };
/** Bump when the rendering changes meaning without a catalog change, so every event gets SEQUENCE+1. */
const RENDER_VERSION = 'ics-1';

export interface FeedsOptions {
  calendars: readonly string[];
  /** The cycles of `calendars` when the caller has loaded them already, so they are not read again. */
  loaded?: readonly Cycle[];
  /** Feed languages; the first one's files have no suffix (`joint.ics`), the others do (`joint.es.ics`). */
  langs: readonly Lang[];
  /** The output folder: its state file is read by buildFeeds and written by writeFeeds. */
  out?: string;
  /** Overrides the state read from `out` (a long-running `serve` keeps it in memory). */
  previousState?: FeedState;
  /** UIDs end in `@<domain>` (default cyclesync.invalid). */
  domain?: string;
  /** Public folder URL of the feeds; feeds.json then lists https and webcal links. */
  baseUrl?: string;
  /** Display alarms before deadlines, e.g. ['P14D', 'P2D']; none by default. */
  remind?: readonly string[];
  /** How long a vanished milestone stays as CANCELLED (ISO days or weeks, default P30D). */
  grace?: string;
  from?: Temporal.PlainDate;
  to?: Temporal.PlainDate;
  /** Longest window shown as one all-day span (default 31 days); longer ones become start/end markers. */
  maxSpanDays?: number;
  /** Alignment findings as events of joint.ics (default true). */
  findings?: boolean;
  /** The alignment rules (`--rules`), as `check` takes them; default: a calendars folder's alignment.yaml, else the built-in rules. */
  rules?: string;
}

export interface BuiltFile {
  name: string;
  bytes: Uint8Array;
  contentType: string;
}

export interface BuiltFeeds {
  /** Every .ics (scope order eu, latam, joint; languages in the order asked), then feeds.json. */
  files: BuiltFile[];
  /** feeds.json's data (the last of `files` holds its bytes). */
  manifest: ManifestData;
  /** The state to store next to the feeds (writeFeeds writes it as STATE_FILE). */
  state: FeedState;
  /** The UIDs of each .ics, in file order (what verification compares the parsed feed with). */
  uids: Record<string, string[]>;
  /** Human-readable warnings (e.g. a feed over 512 KB). */
  warnings: string[];
  /** Every calendar and rules file read (what a watcher follows). */
  inputs: string[];
  /** The cycles the feeds were built from (`serve` builds its report from the same ones). */
  cycles: Cycle[];
  horizon: Horizon;
  /** What changed since the previous state. */
  changes: { added: number; changed: number; cancelled: number; dropped: number; unchanged: number };
}

export interface WrittenFeeds {
  built: BuiltFeeds;
  /** Absolute output folder. */
  out: string;
  written: string[];
  /** Temp files of killed runs removed before writing. */
  swept: string[];
}

/** `joint.ics` for the first language, `joint.es.ics` for the others: names from slugs only. */
export const feedFileName = (scope: FeedScope, lang: Lang, first: boolean): string =>
  first ? `${scope}.ics` : `${scope}.${lang}.ics`;
const SAFE_NAME = /^(?:[a-z0-9-]{1,64}(?:\.[a-z]{2})?\.ics|feeds\.json|\.cyclesync-state\.json)$/;

/** Every name feeds may write, whatever the languages: what a sweep of stale temp files looks for. */
const ALL_NAMES = [
  ...FEED_SCOPES.flatMap(s => LANGS.flatMap(l => [feedFileName(s, l, true), feedFileName(s, l, false)])),
  MANIFEST_FILE,
  STATE_FILE,
];

function regionZones(cycles: readonly Cycle[]): string[] {
  const zones = ['eu', 'latam'].map(r => cycles.find(c => c.region === r)?.zone ?? REGION_ZONES[r]!);
  return [...new Set(zones)];
}

function countChanges(previous: FeedState | undefined, next: FeedState): BuiltFeeds['changes'] {
  const before = previous?.events ?? {};
  const changes = { added: 0, changed: 0, cancelled: 0, dropped: 0, unchanged: 0 };
  for (const [uid, entry] of Object.entries(next.events)) {
    const old = before[uid];
    if (!old) changes.added++;
    else if (entry.cancelled && !old.cancelled) changes.cancelled++;
    else if (old.hash !== entry.hash || old.sequence !== entry.sequence) changes.changed++;
    else changes.unchanged++;
  }
  changes.dropped = Object.keys(before).filter(uid => !next.events[uid]).length;
  return changes;
}

/** Every feed's items before the lifecycle: what the calendars and rules say, with what rendering needs. */
export interface FeedItems {
  items: FeedItem[];
  domain: string;
  /** The regions' zones a timed milestone's description also shows its time in. */
  zones: string[];
  /** The display alarms, checked (`--remind`). */
  alarms: string[];
  grace: Temporal.Duration;
  /** Mixed into every content hash: a change of templates, alarms or zones changes every event. */
  salt: string;
  inputs: string[];
  cycles: Cycle[];
  horizon: Horizon;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Checks the options and builds the items of every feed. Reads the calendars and rules; writes nothing. */
export async function buildFeedItems(
  ctx: AppContext,
  opts: Omit<FeedsOptions, 'langs' | 'baseUrl' | 'out' | 'previousState'>
): Promise<FeedItems> {
  const domain = checkDomain(opts.domain ?? DEFAULT_UID_DOMAIN);
  const alarms = checkRemind(opts.remind ?? []);
  const grace = parseGrace(opts.grace ?? DEFAULT_GRACE);
  const maxSpanDays = checkMaxSpanDays(opts.maxSpanDays ?? DEFAULT_MAX_SPAN_DAYS);

  const cycles = [...(opts.loaded ?? (await loadCalendars({ cwd: ctx.cwd, calendars: opts.calendars })))];
  const horizon = resolveHorizon(referenceCycle(cycles), ctx.today, opts.from, opts.to);
  const occurrences = expandBacktested(cycles, ctx.today).overlapping(horizon);
  const items: FeedItem[] = planItems(occurrences, {
    domain,
    maxSpanDays,
    historyOnly: new Set(cycles.flatMap(c => c.milestones.filter(m => !m.rule).map(m => m.id))),
    cycleNames: new Map(cycles.map(c => [c.id, c.name])),
  });

  const inputs = cycles.flatMap(c => c.files);
  if (opts.findings !== false) {
    const findings = await loadFindingItems(ctx, opts, cycles, domain);
    items.push(...findings.items);
    inputs.push(...findings.inputs);
  }

  const zones = regionZones(cycles);
  const salt = sha256(
    JSON.stringify({ RENDER_VERSION, feedsMessages, planMessages, zones, alarms, refresh: DEFAULT_REFRESH })
  );
  return { items, domain, zones, alarms, grace, salt, inputs, cycles, horizon };
}

/** The lifecycle (SEQUENCE, DTSTAMP, cancellations) of the items against a previous state, at `now`. */
export const feedLifecycle = (
  built: FeedItems,
  previous: FeedState | undefined,
  now: Temporal.Instant
): { state: FeedState; events: EmittedEvent[] } =>
  applyLifecycle({
    previous,
    items: built.items,
    now,
    grace: built.grace,
    horizon: built.horizon,
    salt: built.salt,
    hash: sha256,
  });

/** Builds every feed and feeds.json in memory. Reads calendars and the state; writes nothing. */
export async function buildFeeds(ctx: AppContext & { now: Temporal.Instant }, opts: FeedsOptions): Promise<BuiltFeeds> {
  const langs = checkLangs(opts.langs);
  const baseUrl = opts.baseUrl === undefined ? undefined : checkBaseUrl(opts.baseUrl);
  const built = await buildFeedItems(ctx, opts);
  const { zones, alarms, inputs, cycles, horizon } = built;
  const previous = opts.previousState ?? (opts.out ? readFeedState(path.resolve(ctx.cwd, opts.out)) : undefined);
  const { state, events } = feedLifecycle(built, previous, ctx.now);

  const files: BuiltFile[] = [];
  const uids: Record<string, string[]> = {};
  const manifest: ManifestEntry[] = [];
  const warnings: string[] = [];
  const rendered = new Map(langs.map(lang => [lang, new Map<EmittedEvent, string>()]));
  for (const scope of FEED_SCOPES) {
    const scoped: EmittedEvent[] = events.filter(e => e.item.feeds.includes(scope));
    langs.forEach((lang, i) => {
      const name = feedFileName(scope, lang, i === 0);
      if (scoped.length > FEED_MAX_EVENTS)
        tooLarge(name, `would hold ${scoped.length} events, more than fit in 1 MB (each takes over 256 bytes)`);
      const limit = {
        maxBytes: FEED_MAX_BYTES,
        tooLarge: (k: number) => tooLarge(name, `passes 1 MB after ${k} of its ${scoped.length} events`),
      };
      const bytes = new TextEncoder().encode(
        renderFeed({ scope, lang, events: scoped, zones, alarms, rendered: rendered.get(lang)!, limit })
      );
      checkSize(name, bytes.length, warnings);
      files.push({ name, bytes, contentType: ICS_CONTENT_TYPE });
      uids[name] = scoped.map(e => e.item.uid);
      manifest.push({
        file: name,
        scope,
        lang,
        name: translator(feedsMessages, lang)(`feed.${scope}.name`),
        events: scoped.length,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    });
  }
  const manifestJson = manifestData(manifest, baseUrl);
  files.push({
    name: MANIFEST_FILE,
    bytes: new TextEncoder().encode(renderManifest(manifestJson)),
    contentType: 'application/json; charset=utf-8',
  });
  for (const f of files)
    if (!SAFE_NAME.test(f.name))
      throw new CycleSyncError({ code: 'FEED_INVALID', message: `unsafe output name ${f.name}`, exitCode: 3 });

  return {
    files,
    manifest: manifestJson,
    state,
    uids,
    warnings,
    inputs: [...new Set(inputs)].sort(),
    cycles,
    horizon,
    changes: countChanges(previous, state),
  };
}

/**
 * The alignment check of `check` on the cycles already loaded (not read a second time), its findings turned
 * into feed items (messages in every language).
 */
async function loadFindingItems(
  ctx: AppContext,
  opts: Pick<FeedsOptions, 'calendars' | 'rules'>,
  cycles: readonly Cycle[],
  domain: string
): Promise<{ items: FeedItem[]; inputs: string[] }> {
  const run = await runCheck(
    { cwd: ctx.cwd, today: ctx.today },
    { calendars: opts.calendars, loaded: cycles, ...(opts.rules === undefined ? {} : { rules: opts.rules }) }
  );
  const inAll = (f: (lang: Lang) => string) => ({ en: f('en'), es: f('es'), pt: f('pt') });
  const titles = titlesOf(cycles);
  const items = findingItems({
    // A rule with no record to judge by is not an event; what is violated, overdue or at risk is.
    findings: run.result.findings.filter(e => e.state !== 'no-record'),
    message: e => inAll(lang => localized(e, lang, titles)),
    descriptions: new Map(run.ruleSet.rules.map(r => [r.id, r.description])),
    // Published: named from the calendars folder (or builtin:alignment), not from this machine's folders.
    rulesFile: publishedName(run.rulesPath, opts.calendars, ctx.cwd),
    domain,
    cycleName: inAll(lang => translator(feedsMessages, lang)('alignment.name')),
  });
  return { items, inputs: run.ruleSet.files };
}

const SIZE_HINT = 'narrow the horizon with --from/--to (fewer years, fewer events), or publish fewer cycles';

/** A feed over the size Google Calendar accepts, found before, while or after it is rendered (`what` it does). */
const tooLarge = (name: string, what: string): never => {
  throw new CycleSyncError({
    code: 'FEED_INVALID',
    message: `${name} ${what}; Google Calendar accepts 1 MB at most (it drops the events past it)`,
    hint: SIZE_HINT,
  });
};

function checkSize(name: string, size: number, warnings: string[]): void {
  const kb = Math.ceil(size / 1024);
  if (size > FEED_MAX_BYTES) tooLarge(name, `would be ${kb} KB`);
  if (size > FEED_WARN_BYTES)
    warnings.push(`${name} is ${kb} KB; Google Calendar drops events past about 1 MB (${SIZE_HINT})`);
}

/** The bytes of a file already in the output folder, or undefined when there is none (or it cannot be read). */
function existing(file: string): Uint8Array | undefined {
  try {
    return readInputBytes(file, file, { maxBytes: FEED_MAX_BYTES, what: 'a previous output', noFollow: true });
  } catch {
    return undefined;
  }
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array): boolean => a !== undefined && Buffer.from(b).equals(a);

/**
 * Builds, verifies (lint + parse back) and only then writes: the state first, then each feed, then
 * feeds.json, each atomically. Any failure before the first write leaves the folder untouched; a failure
 * after it leaves every file either old or new, never partial. feeds.json lists each feed's size and hash, so
 * it goes before the first write when it is to change and comes back last: an interrupted run leaves no
 * feeds.json rather than one that disagrees with the feeds (an unchanged feeds.json means unchanged feeds).
 */
export async function writeFeeds(
  ctx: AppContext & { now: Temporal.Instant },
  opts: FeedsOptions & { out: string }
): Promise<WrittenFeeds> {
  const requested = path.resolve(ctx.cwd, opts.out);
  try {
    await mkdir(requested, { recursive: true });
  } catch (e) {
    throw new CycleSyncError({
      code: 'WRITE_FAILED',
      message: `cannot create the output folder ${requested}: ${(e as Error).message}`,
      at: { file: requested },
      hint: 'check the path and its permissions',
      cause: e,
    });
  }
  const out = await realpath(requested);
  const lock = await acquireLock(out);
  try {
    const swept = await sweepTemps(out, ALL_NAMES);
    const built = await buildFeeds(ctx, { ...opts, out });
    verifyFeeds(built);
    const plan: Array<{ name: string; bytes: Uint8Array | string }> = [
      { name: STATE_FILE, bytes: serializeState(built.state) },
      ...built.files.filter(f => f.name !== MANIFEST_FILE),
      ...built.files.filter(f => f.name === MANIFEST_FILE),
    ];
    for (const f of plan) await checkTarget(path.join(out, f.name));
    const manifest = built.files.find(f => f.name === MANIFEST_FILE)!;
    if (!sameBytes(existing(path.join(out, MANIFEST_FILE)), manifest.bytes))
      await rm(path.join(out, MANIFEST_FILE), { force: true });
    for (const f of plan) await writeFileAtomic(path.join(out, f.name), f.bytes);
    return { built, out, written: plan.map(f => f.name), swept };
  } finally {
    await lock.release();
  }
}

/** The CLI's use-case: writes the feeds and returns the lines to report (warnings go to stderr). */
export async function feeds(
  ctx: AppContext & { now: Temporal.Instant },
  opts: FeedsOptions & { out: string }
): Promise<{ report: string; warnings: string[] }> {
  const { built, out, written, swept } = await writeFeeds(ctx, opts);
  const c = built.changes;
  const lines = [
    `wrote ${written.filter(n => n !== STATE_FILE).length} files to ${out} (horizon ${built.horizon.from.toString()} … ${built.horizon.to.toString()})`,
    ...built.files.map(
      f => `  ${f.name}  ${f.bytes.length} bytes${built.uids[f.name] ? `, ${built.uids[f.name]!.length} events` : ''}`
    ),
    `events: ${c.added} new, ${c.changed} changed, ${c.cancelled} cancelled, ${c.dropped} dropped, ${c.unchanged} unchanged`,
    ...(swept.length > 0 ? [`removed ${swept.length} stale temp file(s) of an interrupted run`] : []),
  ];
  return { report: `${lines.join('\n')}\n`, warnings: built.warnings };
}
