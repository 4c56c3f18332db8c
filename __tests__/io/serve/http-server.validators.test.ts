// The pure parts of the server: HTTP-date and entity-tag parsing, validators of a set, log escaping.
import { describe, expect, test } from '@jest/globals';
import { isNotModified, parseEntityTags, parseHttpDate } from '../../../src/io/serve/conditional.js';
import { accessLine, requestPath } from '../../../src/io/serve/http-server.js';
import { makeServedSet } from '../../../src/io/serve/served-set.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseHttpDate', () => {
  const t = Date.parse('1994-11-06T08:49:37Z');
  test('the three forms of RFC 9110 §5.6.7', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(t);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(t);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(t);
  });
  test.each([
    'not a date',
    '1',
    '1994',
    '1994-11-06T08:49:37Z',
    'Sun, 06 Nov 1994 08:49:37 UTC',
    'Sun, 06 nov 1994 08:49:37 GMT',
    'Sun, 31 Feb 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 24:00:00 GMT',
    'Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT',
    '',
  ])('%j is not a date', text => expect(parseHttpDate(text)).toBeUndefined());
});

describe('parseEntityTags', () => {
  test('lists, weak tags, commas inside tags, and *', () => {
    expect(parseEntityTags('"a", W/"b" ,"c,d"')).toEqual(['"a"', '"b"', '"c,d"']);
    expect(parseEntityTags(' * ')).toBe('*');
    expect(parseEntityTags('abc')).toEqual([]);
  });

  test('the weak prefix is W/ exactly (RFC 9110 §8.8.3): w/"x" and other members that are not tags match nothing', () => {
    expect(parseEntityTags('w/"x"')).toEqual([]);
    expect(parseEntityTags('w/"x", W/"y", "z"')).toEqual(['"y"', '"z"']);
    expect(parseEntityTags('x"a", "b')).toEqual([]);
    const file = makeServedSet([{ path: '/a', bytes: bytes('A'), contentType: 'text/plain' }], new Date(0)).get('/a')!;
    const inm = (v: string) => isNotModified(file, { ifNoneMatch: v, ifModifiedSince: undefined }, 0);
    expect(inm(file.etag)).toBe(true);
    expect(inm(`W/${file.etag}`)).toBe(true);
    expect(inm(`w/${file.etag}`)).toBe(false);
  });
});

describe('makeServedSet', () => {
  const stamp1 = new Date('2026-01-01T00:00:00.900Z');
  const stamp2 = new Date('2026-02-01T00:00:00Z');
  const first = makeServedSet(
    [
      { path: '/a.ics', bytes: bytes('A'), contentType: 'text/calendar; charset=utf-8' },
      { path: '/b.ics', bytes: bytes('B'), contentType: 'text/calendar; charset=utf-8' },
    ],
    stamp1
  );

  test('strong quoted ETag from the bytes; Last-Modified truncated to the second', () => {
    expect(first.get('/a.ics')?.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.get('/a.ics')?.etag).not.toBe(first.get('/b.ics')?.etag);
    expect(first.get('/a.ics')?.lastModified.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  test('an identical rebuild keeps ETag and Last-Modified; changed bytes get the new stamp', () => {
    const second = makeServedSet(
      [
        { path: '/a.ics', bytes: bytes('A'), contentType: 'text/calendar; charset=utf-8' },
        { path: '/b.ics', bytes: bytes('B2'), contentType: 'text/calendar; charset=utf-8' },
      ],
      stamp2,
      first
    );
    expect(second.get('/a.ics')).toEqual(first.get('/a.ics'));
    expect(second.get('/b.ics')?.etag).not.toBe(first.get('/b.ics')?.etag);
    expect(second.get('/b.ics')?.lastModified).toEqual(stamp2);
  });

  test('refuses a relative or duplicate path', () => {
    const e = { bytes: bytes('x'), contentType: 'text/plain' };
    expect(() => makeServedSet([{ path: 'a.ics', ...e }], stamp1)).toThrow(/start with/);
    expect(() =>
      makeServedSet(
        [
          { path: '/a', ...e },
          { path: '/a', ...e },
        ],
        stamp1
      )
    ).toThrow(/twice/);
  });

  test('isNotModified ignores If-Modified-Since whenever If-None-Match is present', () => {
    const f = first.get('/a.ics')!;
    const now = stamp2.getTime();
    const lm = f.lastModified.toUTCString();
    expect(isNotModified(f, { ifNoneMatch: '"x"', ifModifiedSince: lm }, now)).toBe(false);
    expect(isNotModified(f, { ifNoneMatch: undefined, ifModifiedSince: lm }, now)).toBe(true);
    expect(isNotModified(f, { ifNoneMatch: undefined, ifModifiedSince: undefined }, now)).toBe(false);
  });
});

describe('request path and access line', () => {
  test('the path is the target up to ? or #, not decoded', () => {
    expect(requestPath('/a.ics?x=1')).toBe('/a.ics');
    expect(requestPath('/a%2e.ics#f')).toBe('/a%2e.ics');
  });
  test('control and non-ASCII characters are escaped and long paths cut, so a line cannot be forged', () => {
    expect(accessLine('GET', '/a\r\nGET /forged 200', 200, 5, 1.25)).toBe(
      'GET /a\\x0d\\x0aGET\\x20/forged\\x20200 200 5 1.3ms'
    );
    expect(accessLine('GET', '/\x1b[31mé', 404, 0, 0)).toBe('GET /\\x1b[31m\\xe9 404 0 0.0ms');
    expect(accessLine('GET', '/' + 'a'.repeat(500), 404, 0, 0).length).toBeLessThan(230);
  });
});
