// A feed's events as CalDAV resources, and the server's resources back as lifecycle entries. Each event is
// rendered by the resource renderer with three X-CYCLESYNC- properties: the feed it came from, its lifecycle
// entry (so that the server, not a local file, remembers SEQUENCE, DTSTAMP, cancellations and the item a
// cancellation is rendered from) and the digest of its content (so that a later run sees an edit made on the
// server). Every resource passes the feeds' gate (linter, parse back) before it is sent.
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { canonicalJson } from '../core/feeds/lifecycle.js';
import type { EmittedEvent, FeedScope, FeedState, FeedStateEntry } from '../core/feeds/types.js';
import type { DesiredResource, ServerResource } from '../core/publish/plan.js';
import {
  contentDigest,
  DIGEST_PROPERTY,
  FEED_PROPERTY,
  resourceName,
  STATE_PROPERTY,
} from '../core/publish/resources.js';
import type { JCalComponent } from '../core/publish/resources.js';
import { FEED_STATE_VERSION } from '../schema/feed-state-format.js';
import type { Lang } from '../schema/primitives.js';
import { parseFeedStateEntry } from '../io/feed-state.js';
import type { ListedObject } from '../io/caldav/objects.js';
import { alarmTriggers } from '../render/ics/calendar.js';
import { renderResource } from '../render/ics/resource.js';
import { verifyFeed } from './verify-feed.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface RenderedResource extends DesiredResource {
  body: string;
}

const encodeEntry = (entry: FeedStateEntry): string => Buffer.from(canonicalJson(entry), 'utf8').toString('base64url');

function decodeEntry(value: unknown): FeedStateEntry | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  return parseFeedStateEntry(Buffer.from(value, 'base64url').toString('utf8'));
}

/** The VEVENT of an iCalendar text holding exactly one (and nothing that does not parse). */
function onlyVevent(text: string): JCalComponent | undefined {
  let root: unknown;
  try {
    root = ICAL.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(root) || root[0] !== 'vcalendar') return undefined;
  const events = (root as JCalComponent)[2].filter(c => c[0] === 'vevent');
  return events.length === 1 ? events[0] : undefined;
}

/** The first value of a property of a parsed component (names in jCal are lower case). */
const valueOf = (component: JCalComponent, name: string): unknown =>
  component[1].find(p => p[0] === name.toLowerCase())?.[3];

export interface ResourcesInput {
  /** The feed's events, in feed order. */
  events: readonly EmittedEvent[];
  /** The lifecycle state they come from (an entry per event). */
  state: FeedState;
  scope: FeedScope;
  lang: Lang;
  zones: readonly string[];
  alarms: readonly string[];
}

export function renderResources(input: ResourcesInput): RenderedResource[] {
  const triggers = alarmTriggers(input.alarms);
  return input.events.map(event => {
    const { uid } = event.item;
    const marks: Array<[string, string]> = [
      [FEED_PROPERTY, input.scope],
      [STATE_PROPERTY, encodeEntry(input.state.events[uid]!)],
    ];
    const render = (properties: Array<[string, string]>): string =>
      renderResource({ event, lang: input.lang, zones: input.zones, triggers, properties });
    // The digest is of the content as parsed, so it is computed on a first rendering and then added to it.
    const digest = contentDigest(onlyVevent(render(marks))!, sha256);
    const body = render([...marks, [DIGEST_PROPERTY, digest]]);
    const name = resourceName(uid);
    verifyFeed(name, new TextEncoder().encode(body), [uid]);
    return { uid, name, digest, cancelled: event.cancelled !== undefined, body };
  });
}

export interface ReadListing {
  server: ServerResource[];
  /** The lifecycle entries the events of ours carry: the state the feed's lifecycle continues from. */
  previous: FeedState;
}

/**
 * What the server holds, classified: ours (our UID domain and X-CYCLESYNC- properties, its lifecycle
 * readable), unreadable (ours by its marks, its lifecycle not), or foreign (everything else).
 */
export function readListing(objects: readonly ListedObject[], domain: string): ReadListing {
  const previous: FeedState = { version: FEED_STATE_VERSION, generator: 'cyclesync', events: {} };
  const server = objects.map((o): ServerResource => {
    const vevent = onlyVevent(o.data);
    const uid = vevent && valueOf(vevent, 'uid');
    const base = { href: o.url, etag: o.etag, storedDigest: undefined, actualDigest: undefined, cancelled: false };
    if (!vevent || typeof uid !== 'string') return { ...base, uid: undefined, kind: 'foreign' };
    if (!uid.endsWith(`@${domain}`) || valueOf(vevent, FEED_PROPERTY) === undefined)
      return { ...base, uid, kind: 'foreign' };
    const stored = valueOf(vevent, DIGEST_PROPERTY);
    const entry = decodeEntry(valueOf(vevent, STATE_PROPERTY));
    if (typeof stored !== 'string' || entry?.item.uid !== uid) return { ...base, uid, kind: 'unreadable' };
    previous.events[uid] ??= entry;
    return {
      ...base,
      uid,
      kind: 'ours',
      storedDigest: stored,
      actualDigest: contentDigest(vevent, sha256),
      cancelled: entry.cancelled !== undefined,
    };
  });
  return { server, previous };
}
