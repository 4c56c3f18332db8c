// The CalDAV credentials: from the environment (CYCLESYNC_CALDAV_USER and CYCLESYNC_CALDAV_PASSWORD, or
// CYCLESYNC_CALDAV_TOKEN for a bearer token), else from a netrc file ($NETRC, else ~/.netrc) read through the
// one input reader with its bounds. Never from the command line, where other users of the machine and the
// shell history would see them. Messages name where a secret came from, never the secret.
import { CycleSyncError } from '../../errors.js';
import { readInputText } from '../read-input.js';
import { netrcEntry } from './netrc.js';

export const USER_VAR = 'CYCLESYNC_CALDAV_USER';
export const PASSWORD_VAR = 'CYCLESYNC_CALDAV_PASSWORD';
export const TOKEN_VAR = 'CYCLESYNC_CALDAV_TOKEN';
/** A netrc file holds a few entries; anything larger is not one. */
const MAX_NETRC_BYTES = 64 * 1024;

/** What the CLI read from the environment: the variables' values and the netrc file to look in. */
export interface CredentialSources {
  user: string | undefined;
  password: string | undefined;
  token: string | undefined;
  /** $NETRC, else ~/.netrc (undefined when there is no home folder). */
  netrcFile: string | undefined;
  /** True when the file was named by $NETRC (then it must exist). */
  netrcNamed: boolean;
}

export interface Credentials {
  /** The `Authorization` header, or undefined to send none. */
  authorization: string | undefined;
  /** Where they come from, for messages: "CYCLESYNC_CALDAV_USER alice", "~/.netrc:3 (login alice)", "none". */
  from: string;
}

const usage = (message: string, hint: string): CycleSyncError => new CycleSyncError({ code: 'USAGE', message, hint });

// A header value may not hold a line break or another control character (it would end the header).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function basic(user: string, password: string, from: string): Credentials {
  if (user.includes(':'))
    throw usage(`the CalDAV user name from ${from} contains ":"`, 'HTTP Basic authentication cannot carry it');
  if (CONTROL.test(user) || CONTROL.test(password))
    throw usage(`the CalDAV credentials from ${from} contain a control character`, 'check how the secret was set');
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`, from };
}

export function resolveCredentials(sources: CredentialSources, host: string): Credentials {
  const { user, password, token } = sources;
  if (token !== undefined && token !== '') {
    if (user || password)
      throw usage(`both ${TOKEN_VAR} and ${USER_VAR}/${PASSWORD_VAR} are set`, 'set one kind of credentials only');
    if (CONTROL.test(token) || /\s/.test(token))
      throw usage(`${TOKEN_VAR} contains white space or a control character`, 'check how the token was set');
    return { authorization: `Bearer ${token}`, from: TOKEN_VAR };
  }
  if (user || password) {
    if (!user || !password)
      throw usage(`${user ? PASSWORD_VAR : USER_VAR} is not set but ${user ? USER_VAR : PASSWORD_VAR} is`, 'set both');
    return basic(user, password, `${USER_VAR} (${user})`);
  }
  return fromNetrc(sources, host);
}

function fromNetrc(sources: CredentialSources, host: string): Credentials {
  const file = sources.netrcFile;
  if (file === undefined) return { authorization: undefined, from: 'none' };
  let text: string;
  try {
    text = readInputText(file, file, { maxBytes: MAX_NETRC_BYTES, what: 'a netrc file' });
  } catch (e) {
    if (e instanceof CycleSyncError && e.code === 'FILE_NOT_FOUND' && !sources.netrcNamed)
      return { authorization: undefined, from: 'none' };
    throw e;
  }
  const entry = netrcEntry(text, host);
  if (!entry) return { authorization: undefined, from: `none (no entry for ${host} in ${file})` };
  const at = `${file}:${entry.line}`;
  if (entry.login === undefined || entry.password === undefined)
    throw new CycleSyncError({
      code: 'USAGE',
      message: `the netrc entry for ${host} has no ${entry.login === undefined ? 'login' : 'password'}`,
      at: { file, line: entry.line },
      hint: `write it as: machine ${host} login USER password SECRET`,
    });
  return basic(entry.login, entry.password, `${at} (login ${entry.login})`);
}
