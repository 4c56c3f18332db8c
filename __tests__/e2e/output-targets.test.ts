// Outputs land only on regular files: a target that is a FIFO, a device, a symbolic link or a folder is refused
// (exit 2, named) and left as it was, and an empty --out is not the working folder.
import { describe, expect, jest, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

jest.setTimeout(60_000);
const tempDir = tempDirs('cyclesync-targets-');
const REPORT = ['report', '--format', 'md', '--today', '2026-11-29'];
const FEEDS = ['feeds', '--today', '2026-11-29', '--from', '2026-01-01', '--to', '2026-12-31'];

describe('report --out', () => {
  test('a FIFO is refused and stays a FIFO', async () => {
    const fifo = path.join(await tempDir(), 'report.md');
    execFileSync('mkfifo', [fifo]);
    const r = runCli([...REPORT, '--out', fifo]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${fifo} is a named pipe (FIFO); refusing to replace it`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  test('a symbolic link is refused, and the file it points to is untouched', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'victim'), 'keep me\n');
    symlinkSync(path.join(dir, 'victim'), path.join(dir, 'report.md'));
    const r = runCli([...REPORT, '--out', path.join(dir, 'report.md')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('report.md is a symbolic link; refusing to replace it');
    expect(lstatSync(path.join(dir, 'report.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'victim'), 'utf8')).toBe('keep me\n');
  });

  test('a folder is refused', async () => {
    const dir = await tempDir();
    mkdirSync(path.join(dir, 'report.md'));
    const r = runCli([...REPORT, '--out', path.join(dir, 'report.md')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('report.md is a folder; refusing to replace it');
  });

  const root = process.getuid?.() === 0;
  (root ? test : test.skip)(
    'a character device (what /dev/null is) is refused and stays a device (root only)',
    async () => {
      const node = path.join(await tempDir(), 'null');
      execFileSync('mknod', [node, 'c', '1', '3']);
      const r = runCli([...REPORT, '--out', node]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`${node} is a device; refusing to replace it`);
      expect(lstatSync(node).isCharacterDevice()).toBe(true);
    }
  );

  test('a regular file is replaced (the refusals above are not of every file)', async () => {
    const out = path.join(await tempDir(), 'report.md');
    writeFileSync(out, 'old\n');
    expect(runCli([...REPORT, '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
  });
});

describe("--out ''", () => {
  test.each([
    ['report', REPORT],
    ['feeds', FEEDS],
  ])('%s refuses it and writes nothing in the working folder', async (_n, args) => {
    const cwd = await tempDir();
    const r = runCli([...args, '--out', ''], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error: --out "" names no file or folder');
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('files feeds finds in its folder', () => {
  test('a state file that is a symbolic link is refused, not read or replaced', async () => {
    const dir = await tempDir();
    const victim = path.join(await tempDir(), 'secret.json');
    writeFileSync(victim, '{"token": "abc123"}');
    symlinkSync(victim, path.join(dir, '.cyclesync-state.json'));
    const r = runCli([...FEEDS, '--out', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.cyclesync-state.json: it is a symbolic link');
    expect(r.stderr).not.toContain('abc123');
    expect(readFileSync(victim, 'utf8')).toBe('{"token": "abc123"}');
    expect(readdirSync(dir)).toEqual(['.cyclesync-state.json']);
  });
});
