import { describe, expect, test } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveCredentials } from '../../../src/io/caldav/credentials.js';
import type { CredentialSources } from '../../../src/io/caldav/credentials.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('cyclesync-credentials-');
const none: CredentialSources = {
  user: undefined,
  password: undefined,
  token: undefined,
  netrcFile: undefined,
  netrcNamed: false,
};
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function netrc(text: string): Promise<string> {
  const file = path.join(await tempDir(), '.netrc');
  await writeFile(file, text);
  return file;
}

describe('resolveCredentials', () => {
  test('the environment first: user and password (Basic), or a token (Bearer)', async () => {
    const netrcFile = await netrc('machine cloud.example login other password other\n');
    expect(resolveCredentials({ ...none, user: 'ana', password: 'pw', netrcFile }, 'cloud.example')).toEqual({
      authorization: basic('ana', 'pw'),
      from: 'CYCLESYNC_CALDAV_USER (ana)',
    });
    expect(resolveCredentials({ ...none, token: 'abc.def' }, 'cloud.example')).toEqual({
      authorization: 'Bearer abc.def',
      from: 'CYCLESYNC_CALDAV_TOKEN',
    });
  });

  test('else the netrc entry for the host, saying which file and line', async () => {
    const netrcFile = await netrc(
      'machine x.example login x password x\nmachine cloud.example login ana password pw\n'
    );
    expect(resolveCredentials({ ...none, netrcFile }, 'cloud.example')).toEqual({
      authorization: basic('ana', 'pw'),
      from: `${netrcFile}:2 (login ana)`,
    });
    expect(resolveCredentials({ ...none, netrcFile }, 'elsewhere.example').authorization).toBeUndefined();
  });

  test('no credentials at all: none sent (a missing ~/.netrc is no error, a missing $NETRC is)', () => {
    const missing = '/nonexistent/.netrc';
    expect(resolveCredentials({ ...none, netrcFile: missing }, 'h')).toEqual({
      authorization: undefined,
      from: 'none',
    });
    expect(() => resolveCredentials({ ...none, netrcFile: missing, netrcNamed: true }, 'h')).toThrow(/no such file/);
  });

  test.each([
    [{ user: 'ana' }, /CYCLESYNC_CALDAV_PASSWORD is not set but CYCLESYNC_CALDAV_USER is/],
    [{ password: 'pw' }, /CYCLESYNC_CALDAV_USER is not set but CYCLESYNC_CALDAV_PASSWORD is/],
    [{ token: 't', user: 'ana', password: 'pw' }, /both CYCLESYNC_CALDAV_TOKEN and/],
    [{ token: 'a b' }, /white space or a control character/],
    [{ user: 'a:b', password: 'pw' }, /contains ":"/],
    [{ user: 'ana', password: 'p\r\nX-Evil: 1' }, /control character/],
  ])('%j is refused (never quoting the secret)', (sources, message) => {
    let error: Error | undefined;
    try {
      resolveCredentials({ ...none, ...sources }, 'h');
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('pw');
  });

  test('a netrc entry without a password points at its line', async () => {
    const netrcFile = await netrc('\nmachine cloud.example login ana\n');
    expect(() => resolveCredentials({ ...none, netrcFile }, 'cloud.example')).toThrow(
      expect.objectContaining({
        message: 'the netrc entry for cloud.example has no password',
        at: { file: netrcFile, line: 2 },
      })
    );
  });
});
