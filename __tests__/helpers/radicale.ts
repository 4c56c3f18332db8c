// A real CalDAV server for the publish tests: Debian's Radicale, started on a free loopback port with a
// temporary storage folder and htpasswd authentication (plain passwords: the file is the test's own), and
// stopped (by its pid) when the test file is done. `radicaleAvailable` says whether it is installed.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const radicaleAvailable = spawnSync('radicale', ['--version'], { encoding: 'utf8' }).status === 0;

/** The users of every test server: alice and bob, each owning the collections under /<name>/. */
export const USERS = { alice: 'alice-secret', bob: 'bob-secret' } as const;

export interface Radicale {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop: () => Promise<void>;
}

/** A port nothing listens on right now (the OS's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`radicale exited (${child.exitCode}): ${log()}`);
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise(r => setTimeout(r, 50));
    }
  }
  throw new Error(`radicale did not answer on ${origin}: ${log()}`);
}

export async function startRadicale(): Promise<Radicale> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cyclesync-radicale-'));
  const users = path.join(dir, 'users');
  await writeFile(
    users,
    Object.entries(USERS)
      .map(([u, p]) => `${u}:${p}\n`)
      .join('')
  );
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const config = path.join(dir, 'config');
    await writeFile(
      config,
      [
        '[server]',
        `hosts = 127.0.0.1:${port}`,
        '[auth]',
        'type = htpasswd',
        `htpasswd_filename = ${users}`,
        'htpasswd_encryption = plain',
        // Radicale waits about a second after a wrong password; the 401 test need not.
        'delay = 0.01',
        '[rights]',
        'type = owner_only',
        '[storage]',
        `filesystem_folder = ${path.join(dir, 'collections')}`,
        '[web]',
        'type = none',
        '[logging]',
        'level = warning',
        '',
      ].join('\n')
    );
    let log = '';
    const child = spawn('radicale', ['--config', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
    const origin = `http://127.0.0.1:${port}`;
    try {
      await waitUntilUp(origin, child, () => log);
    } catch (e) {
      child.kill('SIGKILL');
      // Another process may have taken the port between the pick and Radicale's bind: try another.
      if (attempt < 3) continue;
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const stop = async (): Promise<void> => {
      if (child.exitCode === null) {
        const exited = new Promise(r => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    };
    return { origin, stop };
  }
}
