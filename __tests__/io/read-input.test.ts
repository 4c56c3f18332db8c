// The one reader of input files: files that are not what they seem (FIFOs, devices, folders, /proc files,
// sparse files, links) are refused or read within the cap, never hung on or read whole; text is strict UTF-8.
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CycleSyncError } from '../../src/errors.js';
import { decodeUtf8, readInputBytes, readInputText } from '../../src/io/read-input.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const tempDir = tempDirs('cyclesync-read-');
const OPTS = { maxBytes: 1024, what: 'a test file' };

const refusal = (read: () => unknown): CycleSyncError => {
  try {
    read();
  } catch (e) {
    if (e instanceof CycleSyncError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('what is not a regular file', () => {
  test('a FIFO with no writer is refused at once, not waited on', async () => {
    const fifo = path.join(await tempDir(), 'calendar.yaml');
    execFileSync('mkfifo', [fifo]);
    const e = refusal(() => readInputBytes(fifo, 'calendar.yaml', OPTS));
    expect(e.message).toBe(
      'calendar.yaml is a named pipe (FIFO), not a regular file; refusing to read it as a test file'
    );
    expect(e.exitCode).toBe(2);
  });

  test.each([
    ['/dev/zero', 'a character device'],
    ['/dev/null', 'a character device'],
  ])('%s is refused as %s (st_size 0 is not trusted)', (device, kind) => {
    expect(refusal(() => readInputBytes(device, device, OPTS)).message).toContain(`is ${kind}, not a regular file`);
  });

  test('a folder is refused by name', async () => {
    const dir = await tempDir();
    expect(refusal(() => readInputBytes(dir, 'calendars', OPTS)).message).toBe(
      'calendars is a folder, not a regular file; refusing to read it as a test file'
    );
  });

  test('/proc/self/mem: a regular file that cannot be read is exit 2, not a crash', () => {
    const e = refusal(() => readInputBytes('/proc/self/mem', '/proc/self/mem', OPTS));
    expect(e.message).toBe('cannot read /proc/self/mem: the system could not read it (EIO)');
    expect(e.exitCode).toBe(2);
  });

  test('a /proc file that says it has 0 bytes is read to its end', () => {
    expect(readInputText('/proc/self/status', 'status', { maxBytes: 64 * 1024, what: 'x' })).toMatch(/^Name:/);
  });

  test('a symbolic link is followed, unless the caller says not to', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'real.json'), '{}');
    symlinkSync(path.join(dir, 'real.json'), path.join(dir, 'link.json'));
    expect(readInputText(path.join(dir, 'link.json'), 'link.json', OPTS)).toBe('{}');
    expect(
      refusal(() => readInputText(path.join(dir, 'link.json'), 'link.json', { ...OPTS, noFollow: true })).message
    ).toBe('cannot read link.json: it is a symbolic link');
  });

  test('a missing file: FILE_NOT_FOUND with the hint given', async () => {
    const missing = path.join(await tempDir(), 'x');
    const e = refusal(() => readInputBytes(missing, 'x', { ...OPTS, notFoundHint: 'look elsewhere' }));
    expect([e.code, e.message, e.hint]).toEqual(['FILE_NOT_FOUND', 'cannot read x: no such file', 'look elsewhere']);
  });
});

describe('the cap', () => {
  test('exactly the cap is read; one byte more is refused', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'a'), 'x'.repeat(1024));
    writeFileSync(path.join(dir, 'b'), 'x'.repeat(1025));
    expect(readInputBytes(path.join(dir, 'a'), 'a', OPTS).length).toBe(1024);
    expect(refusal(() => readInputBytes(path.join(dir, 'b'), 'b', OPTS)).message).toBe(
      'b is 1025 bytes, over the 1 KiB limit for a test file'
    );
  });

  test('a sparse file of 1.5 GB is refused from its size, without reading it', async () => {
    const file = path.join(await tempDir(), 'state.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 1.5 * 1024 ** 3);
    closeSync(fd);
    const e = refusal(() => readInputBytes(file, 'state.json', { maxBytes: 16 * 1024 * 1024, what: 'the feed state' }));
    expect(e.message).toBe('state.json is 1610612736 bytes, over the 16 MiB limit for the feed state');
  });
});

describe('strict UTF-8', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  const utf8 = (s: string) => new TextEncoder().encode(s);

  test('UTF-8 passes, its byte-order mark dropped', () => {
    expect(decodeUtf8(utf8('\ufeffid: é\n'), 'f')).toBe('id: é\n');
  });

  test.each([
    ['UTF-16 LE', bytes(0xff, 0xfe, 0x69, 0x00), 1, 'it starts with a UTF-16 byte-order mark'],
    ['UTF-16 BE', bytes(0xfe, 0xff, 0x00, 0x69), 1, 'it starts with a UTF-16 byte-order mark'],
    ['UTF-16 without a mark', utf8('id: x\ni\u0000d\u0000'), 2, 'it holds a NUL byte (UTF-16, or not text at all)'],
    [
      'Latin-1 on line 3',
      Uint8Array.from([...utf8('a: 1\nb: 2\nname: S'), 0xe3, ...utf8('o Paulo\n')]),
      3,
      'a byte that is not UTF-8 (Latin-1 or Windows-1252?)',
    ],
  ])('%s: refused with its line, nothing of the text quoted, and "save it as UTF-8"', (_name, input, line, why) => {
    const e = refusal(() => decodeUtf8(input, 'calendar.yaml'));
    expect(e.message).toBe(`calendar.yaml is not UTF-8 text: ${why}`);
    expect(e.at).toEqual({ file: 'calendar.yaml', line });
    expect(e.hint).toMatch(/save it as UTF-8/);
  });
});

test('nothing of a file is quoted when it is not what was expected', async () => {
  const dir = await tempDir();
  mkdirSync(path.join(dir, 'sub'));
  const secret = path.join(dir, 'sub', 'secret');
  writeFileSync(secret, Buffer.concat([Buffer.from('TOKEN=abc123'), Buffer.from([0xff])]));
  const e = refusal(() => readInputText(secret, 'secret', OPTS));
  expect(JSON.stringify(e)).not.toContain('abc123');
  expect(e.message).not.toContain('abc123');
});
