// The HTTP layer of `cyclesync serve`: node:http answering GET/HEAD from the current ServedSet.
// Routing is an exact lookup of the request path among the set's keys, so nothing built from a request
// (`..`, `%2e%2e`, `//`, backslashes) can name anything outside the set: there is no file system here.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CycleSyncError } from '../../errors.js';
import { readInputText } from '../read-input.js';
import { isNotModified } from './conditional.js';
import type { ServedSet } from './served-set.js';

export interface ServerOptions {
  host: string;
  /** 0 picks a free port; the started server says which. */
  port: number;
  /** Read once per request: whatever it returns is the whole world for that request. */
  currentSet: () => ServedSet;
  /** One access-log line per request. */
  log: (line: string) => void;
  /** Injected clock (epoch ms) for If-Modified-Since dates in the future; defaults to Date.now. */
  nowMs?: () => number;
  /** Open connections at most (default MAX_CONNECTIONS, or half the limit on open files when lower). */
  maxConnections?: number;
}

/**
 * Each connection holds a file descriptor, and a process gets 1,024 by default (ulimit -n). Past this many
 * (or half the process's limit, when that is lower), a new connection closes the oldest idle one (a keep-alive
 * client between requests, or one that never sent a request), so idle sockets can never lock out a
 * subscriber; with none idle, the new one is refused.
 */
export const MAX_CONNECTIONS = 512;

/** MAX_CONNECTIONS, or half the soft limit on open files where the system tells it (/proc on Linux). */
function connectionLimit(): number {
  try {
    const limits = readInputText('/proc/self/limits', '/proc/self/limits', { maxBytes: 16 * 1024, what: 'limits' });
    const soft = Number(/^Max open files\s+(\d+)/m.exec(limits)?.[1]);
    return Number.isFinite(soft) && soft > 0
      ? Math.max(1, Math.min(MAX_CONNECTIONS, Math.floor(soft / 2)))
      : MAX_CONNECTIONS;
  } catch {
    return MAX_CONNECTIONS;
  }
}
/** A connection that sends or receives nothing for this long is closed. */
export const IDLE_TIMEOUT_MS = 30_000;
/** Time to send a request's headers, from the connection or from the end of the previous response. */
const HEADERS_TIMEOUT_MS = 10_000;
/** At most one log line about the connection limit in this interval (the rest are counted in the next). */
const LIMIT_LOG_INTERVAL_MS = 10_000;

export interface RunningServer {
  host: string;
  port: number;
  /** `http://host:port` (IPv6 hosts bracketed). */
  origin: string;
  /** Stops accepting, lets in-flight responses finish, then drops idle keep-alive sockets. */
  close: (graceMs?: number) => Promise<void>;
}

const ALLOW = 'GET, HEAD';
const MAX_LOGGED_PATH = 200;

/** `http://host:port` of an absolute-form target: scheme (any case) and authority, up to the path. */
const ABSOLUTE_FORM = /^https?:\/\/[^/?#]*/i;

/**
 * The path part of a request target, untouched: no decoding, no normalisation. An absolute-form target
 * (`GET http://host/joint.ics`, what proxies send) names the same path (RFC 9112 §3.2.2: servers accept it).
 */
export function requestPath(target: string): string {
  const authority = ABSOLUTE_FORM.exec(target);
  const rest = authority ? target.slice(authority[0].length) : target;
  const cut = rest.search(/[?#]/);
  const path = cut < 0 ? rest : rest.slice(0, cut);
  return authority && path === '' ? '/' : path;
}

/** Log-safe text: control and non-ASCII characters escaped, long paths cut, so a request cannot forge lines. */
export function logSafe(text: string): string {
  const clipped = text.length > MAX_LOGGED_PATH ? `${text.slice(0, MAX_LOGGED_PATH)}…` : text;
  return clipped.replace(/[^\x21-\x7e\u2026]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export const accessLine = (method: string, path: string, status: number, bytes: number, ms: number): string =>
  `${logSafe(method)} ${logSafe(path)} ${status} ${bytes} ${ms.toFixed(1)}ms`;

function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string>): number {
  res.writeHead(status, { ...headers, 'Content-Length': '0' });
  res.end();
  return 0;
}

function respond(req: IncomingMessage, res: ServerResponse, set: ServedSet, nowMs: number): number {
  const file = set.get(requestPath(req.url ?? ''));
  if (!file) return sendEmpty(res, 404, {});
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendEmpty(res, 405, { Allow: ALLOW });
  const headers: Record<string, string> = {
    ETag: file.etag,
    'Last-Modified': file.lastModified.toUTCString(),
    // Subscribers should always revalidate; a 304 costs them a few hundred bytes.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const validators = {
    ifNoneMatch: req.headers['if-none-match'],
    ifModifiedSince: req.headers['if-modified-since'],
  };
  if (isNotModified(file, validators, nowMs)) {
    res.writeHead(304, headers);
    res.end();
    return 0;
  }
  res.writeHead(200, { ...headers, 'Content-Type': file.contentType, 'Content-Length': String(file.bytes.length) });
  if (req.method === 'HEAD') {
    res.end();
    return 0;
  }
  res.end(file.bytes);
  return file.bytes.length;
}

const LISTEN_HINTS: Record<string, string> = {
  EADDRINUSE: 'another program uses this port: pick another with --port, or --port 0 for any free one',
  EACCES: 'ports below 1024 need privileges: use a port such as 8080',
  EADDRNOTAVAIL: 'this machine has no such address: use 127.0.0.1, or an address of one of its interfaces',
  ENOTFOUND: 'the host name does not resolve: use an IP address such as 127.0.0.1',
};

/** A socket that cannot be opened is the user's choice of host/port (exit 2), not a bug. */
function listenError(e: NodeJS.ErrnoException, host: string, port: number): Error {
  const hint = e.code ? LISTEN_HINTS[e.code] : undefined;
  if (!hint) return e;
  return new CycleSyncError({ code: 'USAGE', message: `cannot listen on ${host}:${port} (${e.code})`, hint, cause: e });
}

/**
 * Keeps the server's connections under `max`: tracks which are busy (a request in progress), and makes room
 * for a new one by closing the oldest idle one. Logs what it closes or refuses, at most once per interval.
 */
function limitConnections(server: Server, max: number, log: (line: string) => void, nowMs: () => number): void {
  const open = new Set<Socket>(); // in order of arrival: the first idle one is the oldest
  const busy = new Set<Socket>();
  let lastLog = -Infinity;
  let unlogged = { closed: 0, refused: 0 };
  const note = (what: 'closed' | 'refused'): void => {
    unlogged[what]++;
    if (nowMs() - lastLog < LIMIT_LOG_INTERVAL_MS) return;
    lastLog = nowMs();
    log(
      `connection limit (${max} open) reached: closed ${unlogged.closed} idle and refused ${unlogged.refused} new connection(s)`
    );
    unlogged = { closed: 0, refused: 0 };
  };
  server.on('connection', (socket: Socket) => {
    if (open.size >= max) {
      const idle = [...open].find(s => !busy.has(s));
      if (idle) {
        open.delete(idle);
        idle.destroy();
        note('closed');
      } else {
        socket.destroy();
        note('refused');
        return;
      }
    }
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    busy.add(req.socket);
    res.once('close', () => busy.delete(req.socket));
  });
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const nowMs = opts.nowMs ?? Date.now;
  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    let bytes = 0;
    try {
      bytes = respond(req, res, opts.currentSet(), nowMs());
    } catch {
      // Only a bug gets here (the set is plain data); answer 500 rather than hang the client.
      if (!res.headersSent) bytes = sendEmpty(res, 500, {});
      else res.destroy();
    }
    opts.log(
      accessLine(
        req.method ?? '-',
        requestPath(req.url ?? '-'),
        res.statusCode,
        bytes,
        Number(process.hrtime.bigint() - started) / 1e6
      )
    );
  });
  server.timeout = IDLE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = IDLE_TIMEOUT_MS;
  limitConnections(server, opts.maxConnections ?? connectionLimit(), opts.log, nowMs);
  // Requests node:http could not parse (bad bytes in the target, headers too large) never reach the
  // handler; answer them like Node would, but also log them.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    if (socket.writable && !socket.destroyed)
      socket.end(
        `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
          'Connection: close\r\nContent-Length: 0\r\n\r\n'
      );
    else socket.destroy();
    if (err.code !== 'ECONNRESET') opts.log(accessLine('-', '-', status, 0, 0));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(listenError(e, opts.host, opts.port)));
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After start-up a server error (e.g. EMFILE when out of file descriptors) is logged, not a crash.
  server.on('error', (e: Error) => opts.log(`server error: ${e.message}`));
  const { address, port } = server.address() as AddressInfo;
  const hostPart = address.includes(':') ? `[${address}]` : address;
  return {
    host: address,
    port,
    origin: `http://${hostPart}:${port}`,
    close: (graceMs = 5000) =>
      new Promise<void>(resolve => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
