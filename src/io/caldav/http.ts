// Every request to the CalDAV server goes through this one `fetch` (tsdav takes it as its `fetch`): it sends
// the credentials only to the origin the user named and refuses any other (a redirect or a link in an answer
// pointing elsewhere), follows redirects within that origin, gives every request a timeout, caps what it
// reads, counts the requests by method, and turns what no caller can recover from (an unreachable server,
// 401, 403, 5xx, 507, a connection closed before the answer) into one clear error.
import { CycleSyncError } from '../../errors.js';
import { formatLimit } from '../read-input.js';

/** The most redirects followed for one request (within the origin). */
const MAX_REDIRECTS = 5;
/** The largest answer read: a listing of the biggest feed (4,096 events of a few KB each) fits many times. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** The default time one request (its answer read to the end) may take. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

export interface DavHttpOptions {
  /** `https://host:port`: the only origin requests go to. */
  origin: string;
  /** The `Authorization` header, or undefined to send none. */
  authorization: string | undefined;
  /** Where the credentials come from, for a 401 (e.g. "CYCLESYNC_CALDAV_USER"), never the secret itself. */
  credentialsFrom: string;
  timeoutMs: number;
  maxResponseBytes?: number;
}

export interface DavHttp {
  fetch: typeof globalThis.fetch;
  /** Requests sent so far, by method (a redirect followed counts as a request). */
  counts: () => Record<string, number>;
}

const caldavError = (message: string, hint: string, cause?: unknown): CycleSyncError =>
  new CycleSyncError({ code: 'CALDAV', message, hint, ...(cause === undefined ? {} : { cause }) });

/** The DAV precondition a server names in its error body (`<C:no-uid-conflict/>`), if any. */
export function preconditionOf(body: string): string | undefined {
  return /<(?:[\w-]+:)?error\b[^>]*>\s*<(?:[\w-]+:)?([\w-]+)/.exec(body)?.[1];
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/;

function networkError(method: string, url: URL, e: unknown, timeoutMs: number): CycleSyncError {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return caldavError(
      `no answer from ${url.origin} to ${method} ${url.href} within ${timeoutMs / 1000} s`,
      'check that the server is up and reachable; raise --timeout for a slow server',
      e
    );
  const code = err.cause?.code ?? '';
  if (code === 'ECONNREFUSED')
    return caldavError(
      `cannot connect to ${url.origin}: connection refused`,
      'check the URL and its port, and that the CalDAV server is running',
      e
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return caldavError(`cannot find the host ${url.hostname}`, 'check the spelling of the URL and the network', e);
  if (TLS_CODES.test(code))
    return caldavError(
      `the TLS certificate of ${url.hostname} is not accepted (${code})`,
      'the server needs a certificate from a trusted authority; for your own CA, set NODE_EXTRA_CA_CERTS to its file',
      e
    );
  if (['UND_ERR_SOCKET', 'ECONNRESET', 'UND_ERR_CLOSED', 'EPIPE'].includes(code))
    return caldavError(
      `the connection to ${url.origin} closed before the server answered ${method} ${url.href}`,
      'the server stopped or dropped the connection; run again once it is back',
      e
    );
  return caldavError(
    `${method} ${url.href} failed: ${err.cause?.message ?? err.message}`,
    'check the URL and the network',
    e
  );
}

/** Statuses after which nothing else in the run can succeed: an error at once. */
function checkStatus(method: string, url: URL, status: number, body: string, credentialsFrom: string): void {
  const where = `${method} ${url.href}`;
  const precondition = preconditionOf(body);
  const named = precondition ? ` (${precondition})` : '';
  if (status === 401)
    throw caldavError(
      `${url.origin} refused the credentials (401 Unauthorized) for ${where}; credentials: ${credentialsFrom}`,
      'set CYCLESYNC_CALDAV_USER and CYCLESYNC_CALDAV_PASSWORD (or CYCLESYNC_CALDAV_TOKEN), or a machine entry in ~/.netrc; on Nextcloud use an app password'
    );
  if (status === 403)
    throw caldavError(
      `the server forbids ${where} (403 Forbidden)${named}`,
      'check that this user owns the calendar or has write access to it, and that the URL is the calendar you meant'
    );
  if (status === 507)
    throw caldavError(
      `the server is out of storage (507 Insufficient Storage) at ${where}`,
      'free space or raise the quota of this account, then run again: the next run completes this one'
    );
  if (status >= 500)
    throw caldavError(
      `the server failed ${where} with ${status}${named}`,
      'see the server’s log; run again once it is fixed: the next run completes this one'
    );
}

/** The body, read to the end but never past `max` bytes. */
async function readCapped(res: Response, max: number, what: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) throw tooLarge(what, max);
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(what, max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (what: string, max: number): CycleSyncError =>
  caldavError(`the answer to ${what} is larger than ${formatLimit(max)}`, 'check that the URL names a calendar');

/** Statuses that carry no body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const urlOf = (input: string | URL | Request): URL =>
  new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

export function createDavHttp(opts: DavHttpOptions): DavHttp {
  const counts: Record<string, number> = {};
  const max = opts.maxResponseBytes ?? MAX_RESPONSE_BYTES;

  const refuseOtherOrigin = (method: string, url: URL, from?: URL): void => {
    if (url.origin === opts.origin) return;
    throw caldavError(
      from
        ? `${method} ${from.href} was redirected to ${url.href}, on another host than ${opts.origin}; refused`
        : `the server's answers led to ${method} ${url.href}, on another host than ${opts.origin}; refused`,
      'cyclesync sends the credentials only to the host you named: pass the final URL with --caldav if you trust it'
    );
  };

  const davFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const method = (init.method ?? 'GET').toUpperCase();
    // tsdav reads a redirect itself only in discovery (.well-known); every other request follows them here.
    const follow = init.redirect !== 'manual';
    let url = urlOf(input);
    refuseOtherOrigin(method, url);
    for (let hop = 0; ; hop++) {
      counts[method] = (counts[method] ?? 0) + 1;
      const headers = new Headers(init.headers);
      if (opts.authorization) headers.set('Authorization', opts.authorization);
      const signal = AbortSignal.timeout(opts.timeoutMs);
      let res: Response;
      let body: Uint8Array;
      try {
        res = await fetch(url, { ...init, method, headers, redirect: 'manual', signal });
        body = await readCapped(res, max, `${method} ${url.href}`);
      } catch (e) {
        if (e instanceof CycleSyncError) throw e;
        throw networkError(method, url, e, opts.timeoutMs);
      }
      const location = res.headers.get('location');
      if (follow && REDIRECTS.has(res.status) && location !== null) {
        const next = new URL(location, url);
        refuseOtherOrigin(method, next, url);
        if (hop >= MAX_REDIRECTS)
          throw caldavError(`${method} ${url.href}: more than ${MAX_REDIRECTS} redirects`, 'pass the final URL');
        url = next;
        continue;
      }
      checkStatus(method, url, res.status, new TextDecoder().decode(body.subarray(0, 4096)), opts.credentialsFrom);
      return new Response(NO_BODY.has(res.status) ? null : body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    }
  };
  return { fetch: davFetch as typeof globalThis.fetch, counts: () => ({ ...counts }) };
}
