// `cyclesync serve`: builds the feeds and the report in memory, serves them, and with --watch rebuilds
// when a calendar file changes. With a state file it starts where its last run stopped (the feed lifecycle
// and each path's Last-Modified) and keeps that file current, so a restart serves the same bytes, ETags and
// Last-Modified. Nothing is printed here: every line goes through the injected logger.
import path from 'node:path';
import type { Temporal } from 'temporal-polyfill';
import type { FeedState } from '../core/feeds/types.js';
import { formatError, isCycleSyncError } from '../errors.js';
import { serializeState } from '../io/feed-state.js';
import { readServeState, writeServeState } from '../io/serve-state.js';
import type { ServeState } from '../io/serve-state.js';
import { BUILTIN_DIR, resolveSpec, shownPath } from '../io/load-calendars.js';
import { startServer } from '../io/serve/http-server.js';
import { createLiveSet } from '../io/serve/live-set.js';
import type { Build, RebuildOutcome } from '../io/serve/live-set.js';
import { watchPaths } from '../io/serve/watch-paths.js';
import type { Watching } from '../io/serve/watch-paths.js';
import type { Lang } from '../schema/primitives.js';
import type { AppContext } from './context.js';
import { serveState, validatorsOf } from './serve-state.js';

export interface ServeOptions {
  host: string;
  port: number;
  calendars: readonly string[];
  /** Feed languages; the first is the report's at `/` and the feeds' unsuffixed one. */
  langs: readonly Lang[];
  watch: boolean;
  /** UID domain of the feeds (as `feeds --domain`). */
  domain?: string;
  /** Public URL of the served folder: feeds.json then lists https and webcal links. */
  baseUrl?: string;
  /** A folder written by `cyclesync feeds --out`: its state file seeds the first build (read only). */
  stateFrom?: string;
  /** Where the state is kept across restarts (read at start, rewritten when it changes); none: memory only. */
  stateFile?: string;
}

/** One build of everything served, plus the calendar files it read (what --watch follows). */
export interface ServeBuild extends Build {
  inputs: string[];
  /** Logged after the build (e.g. a feed over 512 KB). */
  warnings?: string[];
  /** The feed lifecycle after this build, for the state file. */
  state?: FeedState;
}

export type ServeBuilder = (
  ctx: AppContext & { now: Temporal.Instant },
  opts: Pick<ServeOptions, 'calendars' | 'langs'>
) => Promise<ServeBuild>;

export interface ServeDeps {
  log: (line: string) => void;
  /** The clock, read at every build: a fixed `--today` stays fixed, otherwise a rebuild sees a new day. */
  clock: () => { today: Temporal.PlainDate; now: Temporal.Instant };
  /** Defaults to the real one (feeds + report); tests inject their own. */
  build?: ServeBuilder;
  debounceMs?: number;
}

export interface ServeHandle {
  origin: string;
  port: number;
  paths: () => string[];
  /** Rebuild now (what a watched change triggers); logs its outcome. */
  rebuild: () => Promise<RebuildOutcome>;
  close: () => Promise<void>;
}

const describeError = (e: unknown): string =>
  isCycleSyncError(e) ? formatError(e) : `internal error: ${e instanceof Error ? e.message : String(e)}`;

/** The files and folders to watch: what --calendars names, plus every file an `extends` chain read. */
function watchTargets(cwd: string, calendars: readonly string[], inputs: readonly string[]): string[] {
  const own = calendars.filter(s => !s.startsWith('builtin:')).map(s => resolveSpec(s, cwd));
  const read = inputs.map(f => path.resolve(cwd, f)).filter(f => !f.startsWith(BUILTIN_DIR));
  return [...new Set([...own, ...read])].sort();
}

async function defaultBuilder(opts: ServeOptions, saved: ServeState | undefined): Promise<ServeBuilder> {
  const { makeServeBuilder } = await import('./serve-build.js');
  return makeServeBuilder({
    ...(opts.domain === undefined ? {} : { domain: opts.domain }),
    ...(opts.baseUrl === undefined ? {} : { baseUrl: opts.baseUrl }),
    ...(opts.stateFrom === undefined ? {} : { stateFrom: opts.stateFrom }),
    ...(saved ? { saved: saved.feeds } : {}),
  });
}

/**
 * Writes the state after each build that changed it, one write at a time and in build order (a later build's
 * state never lands before an earlier one's). A failed write is logged: serving goes on, but a restart would
 * then start from an older state.
 */
function stateKeeper(file: string | undefined, log: (line: string) => void) {
  let written: string | undefined;
  let writing = Promise.resolve();
  return (state: ServeState): Promise<void> => {
    const text = serializeState(state);
    if (!file || text === written) return writing;
    written = text;
    writing = writing.then(() =>
      writeServeState(file, text).catch((e: unknown) =>
        log(
          `warning: cannot keep the state in ${file}: ${(e as Error).message}; a restart will start from an older state`
        )
      )
    );
    return writing;
  };
}

export async function serve(ctx: Pick<AppContext, 'cwd'>, opts: ServeOptions, deps: ServeDeps): Promise<ServeHandle> {
  const saved = opts.stateFile === undefined ? undefined : readServeState(opts.stateFile);
  const build = deps.build ?? (await defaultBuilder(opts, saved));
  const keep = stateKeeper(opts.stateFile, deps.log);
  let inputs: string[] = [];
  let built: FeedState | undefined;
  const buildOnce = async (): Promise<Build> => {
    const { today, now } = deps.clock();
    const b = await build({ cwd: ctx.cwd, today, now }, { calendars: opts.calendars, langs: opts.langs });
    inputs = b.inputs;
    built = b.state;
    for (const w of b.warnings ?? []) deps.log(`warning: ${w}`);
    return b;
  };
  const kept = (): Promise<void> => (built ? keep(serveState(built, live.current())) : Promise.resolve());
  // A broken start is a usage error (exit 2 from the CLI): there is no last good set to fall back on.
  const live = await createLiveSet(buildOnce, saved && validatorsOf(saved));
  const server = await startServer({ host: opts.host, port: opts.port, currentSet: live.current, log: deps.log });
  await kept(); // once serving: a start that fails (a port in use) leaves the state as it was

  let watching: Watching | undefined;
  let watched = '';
  let closed = false;
  const follow = async () => {
    const targets = watchTargets(ctx.cwd, opts.calendars, inputs);
    // A rebuild that finishes after close() must not start new watchers: they would keep the process alive.
    if (closed || targets.join('\n') === watched) return;
    watching?.close();
    watched = targets.join('\n');
    const next = await watchPaths(targets, () => void rebuild(), {
      debounceMs: deps.debounceMs ?? 200,
      onError: m => deps.log(`watch: ${m}`),
    });
    if (closed) return next.close();
    watching = next;
    const shown = watching.folders.map(f => (path.resolve(f) === path.resolve(ctx.cwd) ? '.' : shownPath(ctx.cwd, f)));
    deps.log(`watch: following ${shown.length === 1 ? 'folder' : 'folders'} ${shown.join(', ')}`);
  };

  const rebuild = async (): Promise<RebuildOutcome> => {
    const outcome = await live.rebuild();
    if (!outcome.ok) {
      deps.log(`rebuild failed; still serving the last good set:\n${describeError(outcome.error)}`);
      return outcome;
    }
    const { changed, removed } = outcome;
    deps.log(
      changed.length + removed.length === 0
        ? 'rebuilt: nothing changed'
        : `rebuilt: ${[...changed.map(p => `changed ${p}`), ...removed.map(p => `removed ${p}`)].join(', ')}`
    );
    if (opts.watch) await follow();
    await kept();
    return outcome;
  };

  if (opts.watch) {
    if (opts.calendars.length === 0) deps.log('watch: no --calendars given; the built-in calendars do not change');
    else await follow();
  }

  return {
    origin: server.origin,
    port: server.port,
    paths: () => [...live.current().keys()].sort(),
    rebuild,
    close: async () => {
      closed = true;
      watching?.close();
      await server.close();
      await kept();
    },
  };
}
