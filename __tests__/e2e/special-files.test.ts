// Every way a command reads a file, handed a file that is not what it seems: a FIFO (which would hang a plain
// read forever), /dev/zero (which would grow without end), /proc/self/mem (which fails to read). Each is exit 2
// naming the file, promptly: before read-input.ts these hung, or grew to gigabytes, or were exit 3.
import { describe, expect, jest, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

jest.setTimeout(60_000);
const tempDir = tempDirs('cyclesync-special-');
const mkfifo = (file: string): string => {
  execFileSync('mkfifo', [file]);
  return file;
};
const TODAY = ['--today', '2026-11-29'];

describe('inputs that are not regular files: exit 2, at once, naming the file', () => {
  test.each([
    ['--calendars FIFO', async (dir: string) => ['plan', ...TODAY, '--calendars', mkfifo(path.join(dir, 'c.yaml'))]],
    [
      'a FIFO inside a --calendars folder',
      async (dir: string) => {
        writeFileSync(path.join(dir, 'ideal.yaml'), 'extends: builtin:ideal\n');
        mkfifo(path.join(dir, 'z.yaml'));
        return ['plan', ...TODAY, '--calendars', dir];
      },
    ],
    [
      'extends: /dev/zero',
      async (dir: string) => {
        writeFileSync(path.join(dir, 'c.yaml'), 'extends: /dev/zero\n');
        return ['plan', ...TODAY, '--calendars', path.join(dir, 'c.yaml')];
      },
    ],
    ['--rules FIFO', async (dir: string) => ['check', ...TODAY, '--rules', mkfifo(path.join(dir, 'rules.yaml'))]],
    ['--previous /dev/zero', async () => ['report', ...TODAY, '--format', 'md', '--previous', '/dev/zero']],
    [
      'the feed state as a FIFO',
      async (dir: string) => {
        mkfifo(path.join(dir, '.cyclesync-state.json'));
        return ['feeds', '--domain', 'example.org', ...TODAY, '--out', dir];
      },
    ],
    ['lint-ics FIFO', async (dir: string) => ['lint-ics', mkfifo(path.join(dir, 'feed.ics'))]],
    ['lint-ics /dev/zero', async () => ['lint-ics', '/dev/zero']],
    ['--calendars /proc/self/mem', async () => ['validate', '--calendars', '/proc/self/mem']],
  ])('%s', async (_name, makeArgs) => {
    const args = await makeArgs(await tempDir());
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /is a named pipe \(FIFO\), not a regular file|is a character device, not a regular file|could not read it \(EIO\)/
    );
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  test('--state-from a folder whose state file is a FIFO: serve stops with exit 2 before it listens', async () => {
    const dir = await tempDir();
    mkfifo(path.join(dir, '.cyclesync-state.json'));
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...TODAY, '--state-from', dir], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>(resolve => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('is a named pipe (FIFO), not a regular file');
  });

  test('a lock that is a FIFO or a link is not a lock: the run takes the folder and removes it, leaving the target', async () => {
    const dir = await tempDir();
    const victim = path.join(await tempDir(), 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    mkfifo(path.join(dir, '.cyclesync.lock.1'));
    symlinkSync(victim, path.join(dir, '.cyclesync.lock.2'));
    const r = runCli([
      'feeds',
      '--domain',
      'example.org',
      ...TODAY,
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--out',
      dir,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(dir).filter(n => n.startsWith('.cyclesync.lock'))).toEqual([]);
    expect(execFileSync('cat', [victim]).toString()).toBe('keep me\n');
  });
});

describe('a path that names some other file: the error never quotes it', () => {
  const SECRET = 'abc123secret';
  test.each([
    ['--previous, not JSON', `${SECRET}=1\n`, (f: string) => ['report', ...TODAY, '--format', 'md', '--previous', f]],
    [
      '--previous, JSON of another kind',
      `{"token": "${SECRET}"}`,
      (f: string) => ['report', ...TODAY, '--previous', f],
    ],
    [
      '--calendars, a JSON config',
      `{"auths": {"${SECRET}": {"auth": "x"}}}`,
      (f: string) => ['validate', '--calendars', f],
    ],
    ['--calendars, an alias to nothing', `x: *${SECRET}\n`, (f: string) => ['validate', '--calendars', f]],
    ['--calendars, an env file', `${SECRET}=1\nB=2\n`, (f: string) => ['validate', '--calendars', f]],
    ['--rules, a YAML mapping', `${SECRET}: 1\n`, (f: string) => ['check', ...TODAY, '--rules', f]],
    ['--calendars, Latin-1 text', `name: S\u00e3o ${SECRET}\n`, (f: string) => ['validate', '--calendars', f]],
  ])('%s', async (_name, content, args) => {
    const file = path.join(await tempDir(), 'file');
    writeFileSync(file, content, content.includes('\u00e3') ? 'latin1' : 'utf8');
    const r = runCli(args(file));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stderr).not.toContain('abc123');
  });
});
