// `cyclesync publish --caldav URL`: makes a CalDAV calendar collection hold exactly the events of one feed.
// Options and calendars are checked before the first request; the collection is located (reads only) and
// listed; the feed's lifecycle continues from the entries its events on the server carry; every event is
// rendered and checked as a resource; the plan of writes is made; then (unless --dry-run) the collection is
// created if asked and the writes are sent one by one, each conditional, so that nothing edited on the server
// is overwritten. Exit 1 when some events were left as they are (conflicts), 2 when the run could not finish.
import type { Temporal } from 'temporal-polyfill';
import { CycleSyncError, EXIT } from '../errors.js';
import type { FeedScope } from '../core/feeds/types.js';
import { planSync } from '../core/publish/plan.js';
import type { Conflict, SyncPlan, Write } from '../core/publish/plan.js';
import { translator } from '../i18n/define.js';
import { feedsMessages } from '../i18n/messages/feeds.js';
import { createCollection, locateCollection } from '../io/caldav/collection.js';
import { resolveCredentials } from '../io/caldav/credentials.js';
import type { CredentialSources } from '../io/caldav/credentials.js';
import { createDavHttp } from '../io/caldav/http.js';
import type { DavHttp } from '../io/caldav/http.js';
import { deleteEvent, listEvents, putEvent } from '../io/caldav/objects.js';
import { renderPublishReport } from '../render/publish/text.js';
import type { Lang } from '../schema/primitives.js';
import type { AppContext } from './context.js';
import { buildFeedItems, feedLifecycle } from './feeds.js';
import type { FeedsOptions } from './feeds.js';
import { readListing, renderResources } from './publish-resources.js';
import type { RenderedResource } from './publish-resources.js';

export interface PublishOptions extends Omit<FeedsOptions, 'langs' | 'baseUrl' | 'out' | 'previousState'> {
  /** The collection, or a server or principal URL to discover the calendar home from (checked by the CLI). */
  caldav: URL;
  scope: FeedScope;
  lang: Lang;
  dryRun: boolean;
  /** MKCALENDAR when the collection does not exist (else that is an error). */
  create: boolean;
  timeoutSeconds: number;
  credentials: CredentialSources;
}

export interface PublishResult {
  /** What was written (or, in a dry run, would be), the conflicts, and the requests sent. */
  report: string;
  /** 1 when some events were left as they are on the server (conflicts), else 0. */
  exitCode: number;
}

/** The name of the calendar made in a discovered calendar home: `cyclesync-joint-en`. */
export const defaultCalendarName = (scope: FeedScope, lang: Lang): string => `cyclesync-${scope}-${lang}`;

export async function publish(
  ctx: AppContext & { now: Temporal.Instant },
  opts: PublishOptions
): Promise<PublishResult> {
  const items = await buildFeedItems(ctx, opts);
  const credentials = resolveCredentials(opts.credentials, opts.caldav.hostname);
  const http = createDavHttp({
    origin: opts.caldav.origin,
    authorization: credentials.authorization,
    credentialsFrom: credentials.from,
    timeoutMs: opts.timeoutSeconds * 1000,
  });

  const collection = await locateCollection(http, opts.caldav, defaultCalendarName(opts.scope, opts.lang));
  if (!collection.exists && !opts.create)
    throw new CycleSyncError({
      code: 'CALDAV',
      message: `there is no calendar collection at ${collection.url} (404 Not Found)`,
      hint: 'check the URL, or pass --create to make the calendar there (MKCALENDAR)',
    });
  const listing = readListing(collection.exists ? await listEvents(http, collection.url) : [], items.domain);
  const { state, events } = feedLifecycle(items, listing.previous, ctx.now);
  const resources = renderResources({
    events: events.filter(e => e.item.feeds.includes(opts.scope)),
    state,
    scope: opts.scope,
    lang: opts.lang,
    zones: items.zones,
    alarms: items.alarms,
  });
  const plan = planSync(listing.server, resources);
  const name = translator(feedsMessages, opts.lang)(`feed.${opts.scope}.name`);

  let done = plan.writes;
  let conflicts = plan.conflicts;
  if (!opts.dryRun) {
    if (!collection.exists) await createCollection(http, collection.url, name);
    const sent = await sendWrites(http, collection.url, plan, resources);
    done = sent.done;
    conflicts = [...conflicts, ...sent.refused];
  }
  const report = renderPublishReport({
    scope: opts.scope,
    lang: opts.lang,
    events: resources.length,
    collection: collection.url,
    dryRun: opts.dryRun,
    createdAs: collection.exists ? undefined : name,
    writes: done,
    conflicts,
    unchanged: plan.unchanged,
    editedKept: plan.editedKept,
    foreign: plan.foreign,
    requests: http.counts(),
  });
  return { report, exitCode: conflicts.length > 0 ? EXIT.findings : EXIT.ok };
}

/**
 * Sends the plan's writes in order. A write the server refuses (412, 409) is a conflict and the run goes on;
 * any other failure stops it with an error that says how far it got (the next run completes it: the server's
 * listing is what it starts from, so nothing is duplicated).
 */
async function sendWrites(
  http: DavHttp,
  collection: string,
  plan: SyncPlan,
  resources: readonly RenderedResource[]
): Promise<{ done: Write[]; refused: Conflict[] }> {
  const bodies = new Map(resources.map(r => [r.uid, r.body]));
  const done: Write[] = [];
  const refused: Conflict[] = [];
  for (const w of plan.writes) {
    const href = w.kind === 'create' ? new URL(w.desired.name, collection).href : w.server.href;
    try {
      const outcome =
        w.kind === 'delete'
          ? await deleteEvent(http, href, w.server.etag)
          : await putEvent(http, href, bodies.get(w.desired.uid)!, w.kind === 'create' ? undefined : w.server.etag);
      if (outcome.kind === 'done') done.push(w);
      else
        refused.push({
          reason: 'changed-during-run',
          uid: w.kind === 'delete' ? w.server.uid : w.desired.uid,
          hrefs: [href],
          status: outcome.status,
        });
    } catch (e) {
      if (!(e instanceof CycleSyncError)) throw e;
      throw new CycleSyncError({
        code: e.code,
        message: e.message,
        ...(e.hint === undefined ? {} : { hint: e.hint }),
        more: [
          ...e.more,
          `${done.length} of the ${plan.writes.length} writes were made before it; run publish again to complete the rest (nothing is duplicated)`,
        ],
        cause: e,
      });
    }
  }
  return { done, refused };
}
