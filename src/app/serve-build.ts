// What `serve` serves, built in memory: every feed and feeds.json from buildFeeds (each feed linted and
// parsed back, the same gate as `feeds` applies before writing), and the HTML report at `/`.
import type { FeedState } from '../core/feeds/types.js';
import { buildFeeds, verifyFeed } from './feeds.js';
import { buildReport } from './report.js';
import type { ServeBuild, ServeBuilder } from './serve.js';

/**
 * A builder that carries the feed state from one build to the next, as `feeds` does through its state
 * file: an unchanged milestone keeps its DTSTAMP (so its bytes and ETag), a changed one gets SEQUENCE+1.
 */
export function makeServeBuilder(extra: { domain?: string; baseUrl?: string } = {}): ServeBuilder {
  let state: FeedState | undefined;
  return async (ctx, opts): Promise<ServeBuild> => {
    const [first] = opts.langs;
    const feeds = await buildFeeds(ctx, {
      calendars: opts.calendars,
      langs: opts.langs,
      ...(state ? { previousState: state } : {}),
      ...extra,
    });
    for (const f of feeds.files) if (f.name.endsWith('.ics')) verifyFeed(f.name, f.bytes, feeds.uids[f.name] ?? []);
    const report = await buildReport(ctx, {
      calendars: opts.calendars,
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
    };
  };
}
