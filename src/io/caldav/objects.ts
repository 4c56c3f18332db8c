// The events of a calendar collection, through tsdav: one REPORT (calendar-query) lists every VEVENT resource
// with its ETag and data; a write is a conditional PUT (If-None-Match: * to create, If-Match: <etag> to
// replace) or DELETE (If-Match), so that nothing changed on the server since the listing is overwritten.
import { calendarQuery, createObject, deleteObject, updateObject } from 'tsdav';
import { CycleSyncError } from '../../errors.js';
import { preconditionOf } from './http.js';
import type { DavHttp } from './http.js';

export interface ListedObject {
  /** Absolute URL of the resource. */
  url: string;
  etag: string;
  /** The iCalendar text as the server holds it. */
  data: string;
}

const VEVENTS = {
  'comp-filter': { _attributes: { name: 'VCALENDAR' }, 'comp-filter': { _attributes: { name: 'VEVENT' } } },
};

/** tsdav gives an element's text as a string, `{ _cdata }`, or a number when it looks like one. */
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : value !== null && typeof value === 'object' && '_cdata' in value
      ? String(value._cdata)
      : undefined;

export async function listEvents(http: DavHttp, collection: string): Promise<ListedObject[]> {
  let responses;
  try {
    responses = await calendarQuery({
      url: collection,
      props: { 'd:getetag': {}, 'c:calendar-data': {} },
      filters: [VEVENTS],
      depth: '1',
      fetch: http.fetch,
    });
  } catch (e) {
    if (e instanceof CycleSyncError) throw e;
    throw new CycleSyncError({
      code: 'CALDAV',
      message: `cannot list the events of ${collection}: ${(e as Error).message}`,
      hint: 'check that the URL names a calendar collection of this server',
      cause: e,
    });
  }
  return responses.flatMap(r => {
    const data = textOf(r.props?.['calendarData']);
    if (r.href === undefined || data === undefined) return [];
    const url = new URL(r.href, collection).href;
    // An answer naming a resource outside the collection (another host even) is not about the collection.
    if (!url.startsWith(collection) || url === collection) return [];
    const etag = textOf(r.props?.['getetag']);
    if (etag === undefined)
      throw new CycleSyncError({
        code: 'CALDAV',
        message: `the server listed ${url} without an ETag`,
        hint: 'cyclesync writes only with If-Match; a CalDAV server must give every event an ETag (RFC 4791 §5.3.4)',
      });
    return [{ url, etag, data }];
  });
}

/** done: written; refused: the server's copy changed since the listing (412), or holds the UID elsewhere (409). */
export type WriteOutcome = { kind: 'done' } | { kind: 'refused'; status: number; precondition: string | undefined };

const ICS = { 'Content-Type': 'text/calendar; charset=utf-8' };

async function outcome(method: string, url: string, res: Response, ok: readonly number[]): Promise<WriteOutcome> {
  const body = await res.text();
  if (ok.includes(res.status)) return { kind: 'done' };
  if (res.status === 412 || res.status === 409)
    return { kind: 'refused', status: res.status, precondition: preconditionOf(body) };
  const precondition = preconditionOf(body);
  throw new CycleSyncError({
    code: 'CALDAV',
    message: `the server answered ${res.status} ${res.statusText} to ${method} ${url}${precondition ? ` (${precondition})` : ''}`,
    hint:
      res.status === 404
        ? 'the calendar is gone: check the URL, or pass --create to make it again'
        : 'the server refused the event; see its log, and report it to cyclesync if the event is at fault',
  });
}

/** PUT an event: a new one (`etag` undefined: If-None-Match: *) or a replacement of the version `etag`. */
export async function putEvent(
  http: DavHttp,
  url: string,
  body: string,
  etag: string | undefined
): Promise<WriteOutcome> {
  const res =
    etag === undefined
      ? await createObject({ url, data: body, headers: { ...ICS, 'If-None-Match': '*' }, fetch: http.fetch })
      : await updateObject({ url, data: body, etag, headers: ICS, fetch: http.fetch });
  return outcome('PUT', url, res, [200, 201, 204]);
}

/** DELETE the version `etag` of an event; one already gone counts as deleted. */
export async function deleteEvent(http: DavHttp, url: string, etag: string): Promise<WriteOutcome> {
  const res = await deleteObject({ url, etag, fetch: http.fetch });
  return outcome('DELETE', url, res, [200, 204, 404]);
}
