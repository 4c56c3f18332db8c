import { expect, test } from '@jest/globals';
import { netrcEntry } from '../../../src/io/caldav/netrc.js';

const NETRC = `# cloud accounts
machine cloud.example login ana password "s3cr et"
machine dav.example
  login bob
  password b0b # his app password

macdef init
machine cloud.example login macro password nope

default login anon password anon
`;

test.each([
  ['cloud.example', { login: 'ana', password: 's3cr et', line: 2 }],
  ['CLOUD.example', { login: 'ana', password: 's3cr et', line: 2 }],
  ['dav.example', { login: 'bob', password: 'b0b', line: 3 }],
  ['other.example', { login: 'anon', password: 'anon', line: 10 }],
])('the entry for %s', (host, entry) => {
  expect(netrcEntry(NETRC, host)).toEqual(entry);
});

test('no entry and no default: undefined; an entry without a password says so by its field', () => {
  expect(netrcEntry('machine a.example login x password y\n', 'b.example')).toBeUndefined();
  expect(netrcEntry('machine a.example login x\n', 'a.example')).toEqual({ login: 'x', password: undefined, line: 1 });
});
