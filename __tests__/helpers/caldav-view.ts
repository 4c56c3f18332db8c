// The tests' own view of a CalDAV collection, independent of the code under test (no tsdav, no xml-js): a
// REPORT sent with fetch, its multistatus read with @xmldom/xmldom, each event parsed with ical.js. Also the
// raw writes a test makes as "someone else" on the server (a foreign event, an edit).
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import ICAL from 'ical.js';
import { USERS } from './radicale.js';

export const authOf = (user: keyof typeof USERS): string =>
  `Basic ${Buffer.from(`${user}:${USERS[user]}`).toString('base64')}`;

/** What a run without --domain writes to stderr, and nothing else. */
export const ONLY_NO_DOMAIN_WARNING = /^warning: no --domain: [^\n]*\n$/;

/** The environment that gives the CLI alice's credentials. */
export const ALICE_ENV = { CYCLESYNC_CALDAV_USER: 'alice', CYCLESYNC_CALDAV_PASSWORD: USERS.alice };

export interface ViewedEvent {
  /** The resource name (the last path segment, as the server lists it). */
  name: string;
  etag: string;
  uid: string;
  sequence: number;
  status: string | undefined;
  summary: string;
  feed: string | undefined;
  data: string;
}

const REPORT_BODY = `<?xml version="1.0" encoding="utf-8"?>
<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:getetag/><c:calendar-data/></d:prop>
  <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"/></c:comp-filter></c:filter>
</c:calendar-query>`;

const text = (el: Element, ns: string, name: string): string =>
  el.getElementsByTagNameNS(ns, name)[0]?.textContent ?? '';

/** Every event in the collection, sorted by UID. */
export async function viewCollection(collection: string, user: keyof typeof USERS = 'alice'): Promise<ViewedEvent[]> {
  const res = await fetch(collection, {
    method: 'REPORT',
    headers: { Authorization: authOf(user), Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
    body: REPORT_BODY,
  });
  if (res.status !== 207) throw new Error(`REPORT ${collection}: ${res.status}`);
  const doc = new DOMParser().parseFromString(await res.text(), 'application/xml');
  const responses = Array.from(doc.getElementsByTagNameNS('DAV:', 'response'));
  return responses
    .map(r => {
      const data = text(r, 'urn:ietf:params:xml:ns:caldav', 'calendar-data');
      const vevent = new ICAL.Component(ICAL.parse(data)).getFirstSubcomponent('vevent')!;
      const href = text(r, 'DAV:', 'href');
      return {
        name: href.split('/').pop()!,
        etag: text(r, 'DAV:', 'getetag'),
        uid: String(vevent.getFirstPropertyValue('uid')),
        sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
        status: (vevent.getFirstPropertyValue('status') as string | null) ?? undefined,
        summary: String(vevent.getFirstPropertyValue('summary')),
        feed: (vevent.getFirstPropertyValue('x-cyclesync-feed') as string | null) ?? undefined,
        data,
      };
    })
    .sort((a, b) => (a.uid < b.uid ? -1 : 1));
}

/** A PUT as another client would make it; returns the status. */
export async function putAs(url: string, body: string, user: keyof typeof USERS = 'alice'): Promise<number> {
  const res = await fetch(url, {
    method: 'PUT',
    headers: { Authorization: authOf(user), 'Content-Type': 'text/calendar; charset=utf-8' },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** A body-less request (DELETE, MKCALENDAR) as another client would make it; returns the status. */
export async function requestAs(method: string, url: string, user: keyof typeof USERS = 'alice'): Promise<number> {
  const res = await fetch(url, { method, headers: { Authorization: authOf(user) } });
  await res.arrayBuffer();
  return res.status;
}

/** An event written by another client (a planner's own note): its UID is not ours, it has no X-CYCLESYNC- marks. */
export const foreignEvent = (uid: string, summary: string): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//someone//else//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20261101T090000Z',
    'DTSTART;VALUE=DATE:20270115',
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

/** The request lines of a publish report: `requests: 2 (PROPFIND 1, REPORT 1)` → { PROPFIND: 1, REPORT: 1 }. */
export function requestsOf(stdout: string): Record<string, number> {
  const m = /^requests: \d+(?: \(([^)]*)\))?/m.exec(stdout);
  if (!m) throw new Error(`no requests line in:\n${stdout}`);
  return Object.fromEntries(
    (m[1] ?? '')
      .split(', ')
      .filter(Boolean)
      .map(s => [s.split(' ')[0]!, Number(s.split(' ')[1])])
  );
}
