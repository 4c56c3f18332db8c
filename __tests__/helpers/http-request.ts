// Real HTTP requests for the serve tests: node:http (which sends the path exactly as given, unlike fetch,
// which normalises `..` and `%2e%2e` away) and a raw socket for bytes node:http refuses to send.
import { request } from 'node:http';
import type { Agent } from 'node:http';
import { connect } from 'node:net';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export function httpRequest(
  origin: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; agent?: Agent; timeoutMs?: number } = {}
): Promise<Reply> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: opts.method ?? 'GET',
        headers: opts.headers ?? {},
        agent: opts.agent ?? false,
        timeout: opts.timeoutMs ?? 5000,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
        );
        res.on('error', reject);
      }
    );
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path} within the timeout`)));
    req.on('error', reject);
    req.end();
  });
}

/** Sends raw bytes and returns the status line the server answered with (or '' if it just closed). */
export function rawRequest(origin: string, bytes: string | Buffer, timeoutMs = 5000): Promise<string> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('raw request timed out')));
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1').split('\r\n')[0] ?? ''));
  });
}
