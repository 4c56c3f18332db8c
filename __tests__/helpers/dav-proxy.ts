// A loopback HTTP server for the cases a real CalDAV server does not produce on demand: a proxy in front of
// Radicale that can act between two of the client's requests (edit an event, drop the connection), and a
// fake server whose answers a test writes itself (507, a redirect to another host, no answer at all).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TestServer {
  origin: string;
  /** Every request received, in order. */
  seen: Seen[];
  close: () => Promise<void>;
}

type Handler = (req: Seen, res: ServerResponse) => void | Promise<void>;

/** A server on a free port of `host` answering with `handler` (which sees each request with its whole body). */
export async function startServer(handler: Handler, host = '127.0.0.1'): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(s);
      void Promise.resolve(handler(s, res)).catch(e => res.destroy(e as Error));
    });
  });
  await new Promise<void>(resolve => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://${host}:${port}`,
    seen,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A proxy to `target`: `before` runs ahead of forwarding each request and may close the connection without
 * an answer, before forwarding the request ('drop') or after the server handled it ('forward-then-drop'):
 * a server going away mid-run, or an answer lost on the way.
 */
export function startProxy(
  target: string,
  before: (req: Seen) => Promise<'forward' | 'drop' | 'forward-then-drop'>
): Promise<TestServer> {
  return startServer(async (req, res) => {
    const what = await before(req);
    if (what === 'drop') {
      res.socket?.destroy();
      return;
    }
    // Hop-by-hop and framing headers are the proxy's own (fetch decodes a gzipped answer: it goes on plain).
    const own = new Set([
      'host',
      'connection',
      'keep-alive',
      'content-length',
      'transfer-encoding',
      'content-encoding',
    ]);
    const headers = Object.entries(req.headers).flatMap(([k, v]) =>
      own.has(k) || v === undefined ? [] : [[k, String(v)] as [string, string]]
    );
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      ...(req.body === '' ? {} : { body: req.body }),
      redirect: 'manual',
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    if (what === 'forward-then-drop') {
      res.socket?.destroy();
      return;
    }
    const out: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (!own.has(k)) out[k] = v;
    });
    res.writeHead(upstream.status, out).end(body);
  });
}
