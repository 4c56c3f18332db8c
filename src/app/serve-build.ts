// What `serve` serves, built in memory: every feed and feeds.json from buildFeeds (each feed linted and
// parsed back, the same gate as `feeds` applies before writing), and the HTML report at `/`.
import path from 'node:path';
import type { FeedState } from '../core/feeds/types.js';
import { CycleSyncError } from '../errors.js';
import { readFeedState, STATE_FILE } from '../io/feed-state.js';
import { buildFeeds } from './feeds.js';
import { buildReport } from './report.js';
import type { ServeBuild, ServeBuilder } from './serve.js';
import { verifyFeeds } from './verify-feed.js';

/** The state file of a folder written by `cyclesync feeds --out`; a folder without one is a mistake. */
async function readSeedState(cwd: string, dir: string): Promise<FeedState> {
  const state = readFeedState(path.resolve(cwd, dir));
  if (state) return state;
  throw new CycleSyncError({
    code: 'FILE_NOT_FOUND',
    message: `--state-from ${dir}: there is no ${STATE_FILE} in that folder`,
    at: { file: path.join(dir, STATE_FILE) },
    hint: 'name the folder that `cyclesync feeds --out` writes to, or leave --state-from out',
  });
}

/**
 * A builder that carries the feed state from one build to the next, as `feeds` does through its state
 * file: an unchanged milestone keeps its DTSTAMP (so its bytes and ETag), a changed one gets SEQUENCE+1.
 * The first build continues from `--state-from`'s folder when given, else from `saved` (the state serve kept
 * at its last run).
 */
export function makeServeBuilder(
  extra: { domain?: string; baseUrl?: string; stateFrom?: string; saved?: FeedState } = {}
): ServeBuilder {
  const { stateFrom, saved, ...feedOptions } = extra;
  let state: FeedState | undefined;
  let seed: Promise<FeedState | undefined> | undefined;
  return async (ctx, opts): Promise<ServeBuild> => {
    const [first] = opts.langs;
    seed ??= stateFrom === undefined ? Promise.resolve(saved) : readSeedState(ctx.cwd, stateFrom);
    const previous = state ?? (await seed);
    const feeds = await buildFeeds(ctx, {
      calendars: opts.calendars,
      langs: opts.langs,
      // The first build may start from the state `feeds --out DIR` keeps there (read only, never written),
      // so the served bytes equal the published ones; later builds continue from the state in memory.
      ...(previous ? { previousState: previous } : {}),
      ...feedOptions,
    });
    verifyFeeds(feeds);
    const report = await buildReport(ctx, {
      calendars: opts.calendars,
      loaded: feeds.cycles, // the same calendar files, not read a second time
      format: 'html',
      ...(first ? { lang: first } : {}),
    });
    state = feeds.state; // only after everything succeeded: a failed build must not advance the lifecycle
    return {
      entries: [
        { path: '/', bytes: new TextEncoder().encode(report.content), contentType: report.contentType },
        ...feeds.files.map(f => ({ path: `/${f.name}`, bytes: f.bytes, contentType: f.contentType })),
      ],
      stamp: new Date(ctx.now.epochMilliseconds),
      inputs: feeds.inputs,
      warnings: feeds.warnings,
      state: feeds.state,
    };
  };
}
