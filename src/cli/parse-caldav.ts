// `publish`'s own option texts to typed values: the CalDAV URL, the timeout, and where credentials come from
// (the environment and a netrc file, never the command line). Each mistake is a usage error (exit 2).
import { homedir } from 'node:os';
import path from 'node:path';
import { CycleSyncError } from '../errors.js';
import { PASSWORD_VAR, TOKEN_VAR, USER_VAR } from '../io/caldav/credentials.js';
import type { CredentialSources } from '../io/caldav/credentials.js';

const EXAMPLE = 'https://cloud.example/remote.php/dav/calendars/USER/CALENDAR/';

const usage = (message: string, hint?: string): CycleSyncError =>
  new CycleSyncError({
    code: 'USAGE',
    message,
    expected: `a calendar URL such as ${EXAMPLE}`,
    ...(hint ? { hint } : {}),
  });

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

/** `--caldav URL`: http(s), no credentials, query or fragment; plain http only on loopback or when asked. */
export function parseCaldavUrl(value: string, insecureHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usage(`--caldav ${JSON.stringify(value)} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw usage(`--caldav ${value} is not an http(s) URL`);
  if (url.username || url.password)
    throw usage(
      '--caldav must not carry a user name or password (user:password@host): the command line is visible to other users and kept in shell history',
      `set ${USER_VAR} and ${PASSWORD_VAR} (or ${TOKEN_VAR}) in the environment, or a machine entry in ~/.netrc`
    );
  if (url.search || url.hash) throw usage(`--caldav ${value} must not carry a query or a fragment`);
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && !insecureHttp)
    throw usage(
      `--caldav ${value} uses plain http: the password and the calendar would cross the network unencrypted`,
      'use https; pass --insecure-http only for a server on a network you trust'
    );
  return url;
}

/** `--timeout SECONDS` for each request: 1 to 600. */
export function parseTimeout(seconds: number): number {
  if (Number.isInteger(seconds) && seconds >= 1 && seconds <= 600) return seconds;
  throw new CycleSyncError({
    code: 'USAGE',
    message: `--timeout ${JSON.stringify(seconds)} is out of range`,
    expected: 'a whole number of seconds from 1 to 600',
  });
}

/** The credential variables and the netrc file ($NETRC, else ~/.netrc), as the environment gives them. */
export function credentialSources(env: NodeJS.ProcessEnv): CredentialSources {
  const named = env['NETRC'] !== undefined && env['NETRC'] !== '';
  let home = env['HOME'] || undefined;
  try {
    home ??= homedir();
  } catch {
    // No home folder (a service account): no ~/.netrc to read.
  }
  return {
    user: env[USER_VAR] || undefined,
    password: env[PASSWORD_VAR] || undefined,
    token: env[TOKEN_VAR] || undefined,
    netrcFile: named ? env['NETRC'] : home ? path.join(home, '.netrc') : undefined,
    netrcNamed: named,
  };
}
