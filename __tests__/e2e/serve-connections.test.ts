// `serve` under the default limit of open files (ulimit -n 1024) with 1,100 idle connections: it keeps answering,
// because a new connection past its limit closes the oldest idle one, and it says so in its log. Before, the
// idle sockets took every file descriptor and the server stopped answering, silently.
import { afterAll, expect, jest, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { httpRequest } from '../helpers/http-request.js';
import { BIN, ROOT } from '../helpers/run-cli.js';

jest.setTimeout(60_000);

const IDLE = 1100;
const ownLimit = Number(/^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 0);
const sockets: Socket[] = [];
afterAll(() => sockets.forEach(s => s.destroy()));

// The test itself holds the idle connections, so it needs a limit above them.
(ownLimit > IDLE + 500 ? test : test.skip)(
  `${IDLE} idle connections under ulimit -n 1024: a request is still answered`,
  async () => {
    const child = spawn(
      'bash',
      ['-c', `ulimit -n 1024 && exec "${process.execPath}" "${BIN}" serve --port 0 --today 2026-11-29`],
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', SOURCE_DATE_EPOCH: '1795000000' },
        stdio: ['ignore', 'ignore', 'pipe'],
      }
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', () => {
          const m = /listening on (http:\/\/[^/\s]+)\//.exec(stderr);
          if (m) resolve(m[1]!);
        });
        child.once('exit', code => reject(new Error(`serve exited (${code}): ${stderr}`)));
      });
      const url = new URL(origin);
      await Promise.all(
        Array.from(
          { length: IDLE },
          () =>
            new Promise<void>(resolve => {
              const s = connect(Number(url.port), url.hostname);
              sockets.push(s);
              s.once('connect', () => resolve());
              s.once('error', () => resolve());
            })
        )
      );
      const r = await httpRequest(origin, '/joint.ics', { timeoutMs: 20_000 });
      expect(r.status).toBe(200);
      expect(r.body.toString()).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(stderr).toMatch(
        /connection limit \(512 open\) reached: closed \d+ idle and refused 0 new connection\(s\)/
      );
      expect(stderr).not.toMatch(/EMFILE/);
    } finally {
      child.kill('SIGKILL');
    }
  }
);
