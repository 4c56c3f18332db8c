// Which calendar collection to publish to, through tsdav: the URL itself when it is a calendar (or does not
// exist yet), else the discovery of RFC 6764 from a server or principal URL (`/.well-known/caldav` →
// `current-user-principal` → `calendar-home-set`) and a calendar named after the feed in that home. Only
// reads; making a missing calendar (MKCALENDAR) is a separate step, taken after the feed is built.
import { fetchHomeUrl, fetchPrincipalUrl, makeCalendar, propfind, serviceDiscovery } from 'tsdav';
import { CycleSyncError } from '../../errors.js';
import type { DavHttp } from './http.js';

export interface LocatedCollection {
  /** The collection's URL, ending in `/`. */
  url: string;
  exists: boolean;
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);

interface Probe {
  found: 'calendar' | 'missing' | 'other';
  /** The resource's URL as the server names it (after any redirect), ending in `/`. */
  url: string;
}

/** PROPFIND (depth 0) of the resource type: a calendar, nothing there, or something else. */
async function probe(http: DavHttp, url: string): Promise<Probe> {
  const [res] = await propfind({ url, props: { 'd:resourcetype': {} }, depth: '0', fetch: http.fetch });
  if (res?.status === 404) return { found: 'missing', url };
  const type: unknown = res?.ok ? res.props?.['resourcetype'] : undefined;
  const named = typeof res?.href === 'string' ? withSlash(new URL(res.href, url).href) : url;
  return { found: type !== null && typeof type === 'object' && 'calendar' in type ? 'calendar' : 'other', url: named };
}

/** The calendar home of the user the credentials name, found from any URL of the server. */
async function discoverHome(http: DavHttp, url: string): Promise<string> {
  try {
    const account = { accountType: 'caldav' as const, serverUrl: url };
    const rootUrl = await serviceDiscovery({ account, fetch: http.fetch });
    const principalUrl = await fetchPrincipalUrl({ account: { ...account, rootUrl }, fetch: http.fetch });
    return withSlash(await fetchHomeUrl({ account: { ...account, rootUrl, principalUrl }, fetch: http.fetch }));
  } catch (e) {
    if (e instanceof CycleSyncError) throw e;
    throw new CycleSyncError({
      code: 'CALDAV',
      message: `${url} is not a calendar, and no calendar home could be discovered from it: ${(e as Error).message}`,
      hint: 'pass the URL of a calendar collection, e.g. https://cloud.example/remote.php/dav/calendars/USER/CALENDAR/',
      cause: e,
    });
  }
}

/**
 * The collection `url` names, or (for a server or principal URL) `defaultName` in the discovered calendar
 * home. A missing collection is returned with `exists: false`; the caller creates it or refuses.
 */
export async function locateCollection(http: DavHttp, url: URL, defaultName: string): Promise<LocatedCollection> {
  const given = await probe(http, withSlash(url.href));
  if (given.found !== 'other') return { url: given.url, exists: given.found === 'calendar' };
  const target = await probe(http, `${await discoverHome(http, given.url)}${defaultName}/`);
  if (target.found === 'other')
    throw new CycleSyncError({
      code: 'CALDAV',
      message: `${target.url} exists but is not a calendar collection`,
      hint: 'pass the URL of a calendar with --caldav',
    });
  return { url: target.url, exists: target.found === 'calendar' };
}

/** MKCALENDAR with a display name (RFC 4791 §5.3.1). */
export async function createCollection(http: DavHttp, url: string, displayName: string): Promise<void> {
  const [res] = await makeCalendar({ url, props: { 'd:displayname': displayName }, fetch: http.fetch });
  if (res?.status === 201) return;
  const status = res?.status ?? 0;
  throw new CycleSyncError({
    code: 'CALDAV',
    message:
      `the server did not create the calendar ${url} (MKCALENDAR answered ${status} ${res?.statusText ?? ''})`.trim(),
    hint:
      status === 409
        ? 'its parent folder does not exist: check the URL (on Nextcloud: …/remote.php/dav/calendars/USER/NAME/)'
        : status === 405
          ? 'something already exists at that URL, or the server does not create calendars there'
          : 'create the calendar in the server’s web interface, then pass its URL',
  });
}
