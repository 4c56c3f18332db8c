// Spawns the installed command (bin/cyclesync.js running the bundle that `npm test` builds before jest runs)
// as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/cyclesync.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment every spawned cyclesync gets: no colour, UTC and a UTF-8 locale. */
export const cliEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  PATH: process.env['PATH'] ?? '',
  NO_COLOR: '1',
  TZ: 'UTC',
  LANG: 'C.UTF-8',
  ...extra,
});

export function runCli(
  args: readonly string[],
  opts: { cwd?: string; env?: Record<string, string>; input?: string; bin?: string } = {}
): CliResult {
  const r = spawnSync(process.execPath, [opts.bin ?? BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: cliEnv(opts.env),
    encoding: 'utf8',
    input: opts.input,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runCli without blocking this process: for tests that serve the command's requests themselves. */
export function runCliAsync(
  args: readonly string[],
  opts: { cwd?: string; env?: Record<string, string> } = {}
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: cliEnv(opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.once('error', reject);
    child.once('close', status => resolve({ status, stdout, stderr }));
  });
}
