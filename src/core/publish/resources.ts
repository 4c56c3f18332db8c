// How cyclesync's events look on a CalDAV server, as pure functions: the resource name of a UID, the
// X-CYCLESYNC- properties that mark an event as ours and carry its lifecycle, and the digest of an event's
// content that tells whether anyone changed it since it was published.
import { canonicalJson } from '../feeds/lifecycle.js';

/** The feed the event was published from (`joint`, `eu`, `latam`): with the UID domain, what marks it as ours. */
export const FEED_PROPERTY = 'X-CYCLESYNC-FEED';
/** The event's lifecycle entry (content hash, SEQUENCE, last change, cancellation, the item), base64url JSON. */
export const STATE_PROPERTY = 'X-CYCLESYNC-STATE';
/** The content digest of the event as published (see `contentDigest`). */
export const DIGEST_PROPERTY = 'X-CYCLESYNC-DIGEST';

/**
 * The resource name of an event: its UID made URL-safe (UIDs hold only `A-Za-z0-9._@-`, so only `@` is
 * encoded), plus `.ics`.
 * @example resourceName('socta.publication.2026-2029@cyclesync.invalid')
 *   //=> "socta.publication.2026-2029%40cyclesync.invalid.ics"
 */
export const resourceName = (uid: string): string => `${encodeURIComponent(uid)}.ics`;

/** A component as ical.js parses it (jCal, RFC 7265): name, properties, subcomponents. */
export type JCalComponent = [name: string, properties: JCalProperty[], components: JCalComponent[]];
/** A property in jCal: lower-case name, parameters, value type, then its values. */
export type JCalProperty = [name: string, parameters: Record<string, unknown>, type: string, ...values: unknown[]];

/**
 * Left out of the digest: DTSTAMP (a client may touch it on any save) and the digest itself. The digest's
 * form must never change: a digest stored by an older version would then look like an edit on the server.
 */
const UNDIGESTED = new Set(['dtstamp', DIGEST_PROPERTY.toLowerCase()]);

/** A text that is the same for the same content, whatever order and folding the server wrote it in. */
function canonical(component: JCalComponent): string {
  const [name, properties, components] = component;
  const props = properties.filter(p => !UNDIGESTED.has(p[0])).map(canonicalJson);
  return canonicalJson([name, props.sort(), components.map(canonical).sort()]);
}

/**
 * The digest of a VEVENT as parsed: its properties and alarms, in any order, without DTSTAMP and the digest.
 * Servers re-serialise what they store (Radicale sorts properties and refolds lines); the digest does not
 * change with that, only with content.
 */
export const contentDigest = (vevent: JCalComponent, hash: (text: string) => string): string => hash(canonical(vevent));
