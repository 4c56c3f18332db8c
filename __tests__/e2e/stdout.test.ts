// A reader that stops reading (`cyclesync report | head`) ends the output, not the run: no stack trace, and
// the command's own exit code. Any other failure to write is one line on stderr and exit 2 (cli/stdout.ts).
import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { BIN, ROOT, cliEnv, runCli } from '../helpers/run-cli.js';

/** Runs the command with a standard output whose reader is gone before it writes a byte. */
function withClosedStdout(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed now, while the child is still starting Node: its first write meets a pipe without a reader.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
    child.on('error', reject);
    child.on('close', status => resolve({ status, stderr }));
  });
}

describe('standard output closed by its reader', () => {
  test('report (about 100 kB of HTML) ends quietly with exit 0', async () => {
    const r = await withClosedStdout(['report', '--today', '2026-11-29']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('check keeps its verdict: exit 1 for warnings under --fail-on warning', async () => {
    const r = await withClosedStdout(['check', '--today', '2026-11-29', '--fail-on', 'warning']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });
});

describe('a non-blocking standard output that fills up', () => {
  // A Python parent hands the command a non-blocking pipe and reads nothing for a second, so the ~110 kB
  // report overfills the pipe's 64 kB: Node's stream waits for the pipe to drain, and the command for its write.
  const SLOW_READER = `
import os, subprocess, sys, time
r, w = os.pipe()
os.set_blocking(w, False)
child = subprocess.Popen(sys.argv[1:], stdout=w)
os.close(w)
time.sleep(1)
data = b''
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    data += chunk
sys.stdout.buffer.write(data)
sys.exit(child.wait())
`;

  test('still receives every byte, in order', () => {
    const args = ['report', '--today', '2026-11-29'];
    const expected = runCli(args).stdout;
    expect(expected.length).toBeGreaterThan(70_000);
    const r = spawnSync('python3', ['-c', SLOW_READER, process.execPath, BIN, ...args], {
      cwd: ROOT,
      env: cliEnv(),
      encoding: 'utf8',
      maxBuffer: 10_000_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
  });
});

describe('a standard output that cannot be written', () => {
  // /dev/full refuses every write with ENOSPC, as a full disk does.
  test.each([
    ['report', '--today', '2026-11-29'],
    ['check', '--today', '2026-11-29', '--fail-on', 'warning'],
  ])('%s: one line on stderr and exit 2, not the verdict or a stack', (...args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        env: cliEnv(),
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(r.stderr).toMatch(/^error: cannot write to standard output: ENOSPC[^\n]*\n$/);
      expect(r.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});
