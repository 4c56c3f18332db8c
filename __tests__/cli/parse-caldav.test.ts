import { expect, test } from '@jest/globals';
import { credentialSources, parseCaldavUrl } from '../../src/cli/parse-caldav.js';

test.each(['http://localhost:5232/a/', 'http://127.0.0.1/a/', 'http://127.1.2.3:8080/', 'http://[::1]:5232/a/'])(
  'plain http on loopback needs no flag: %s',
  url => {
    expect(parseCaldavUrl(url, false).href).toBe(url);
  }
);

test('plain http elsewhere needs --insecure-http; https never does', () => {
  expect(() => parseCaldavUrl('http://10.0.0.5/dav/', false)).toThrow(/uses plain http/);
  expect(parseCaldavUrl('http://10.0.0.5/dav/', true).origin).toBe('http://10.0.0.5');
  expect(parseCaldavUrl('https://cloud.example/dav/', false).origin).toBe('https://cloud.example');
});

test.each([
  ['https://ana@cloud.example/', /must not carry a user name or password/],
  ['https://cloud.example/cal/?x=1', /must not carry a query or a fragment/],
  ['https://cloud.example/cal/#x', /must not carry a query or a fragment/],
  ['webcal://cloud.example/cal/', /is not an http\(s\) URL/],
])('%s is refused', (url, message) => {
  expect(() => parseCaldavUrl(url, true)).toThrow(message);
});

test('$NETRC names the netrc file (then it must exist), else ~/.netrc; empty variables count as unset', () => {
  expect(credentialSources({ NETRC: '/etc/cs-netrc', CYCLESYNC_CALDAV_USER: '' })).toMatchObject({
    user: undefined,
    netrcFile: '/etc/cs-netrc',
    netrcNamed: true,
  });
  expect(credentialSources({ HOME: '/home/ana' })).toMatchObject({ netrcFile: '/home/ana/.netrc', netrcNamed: false });
});
