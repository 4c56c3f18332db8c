// The snapshot the server answers from: an immutable map of exact paths to bytes and their validators.
// A rebuild makes a whole new set and the server swaps one reference, so a request sees one set only.
import { createHash } from 'node:crypto';

export interface ServedFile {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  /** Strong validator: a hash of the exact bytes, quoted (RFC 9110 §8.8.3). */
  readonly etag: string;
  /** Whole seconds (HTTP dates have no finer resolution), so `If-Modified-Since` equality works. */
  readonly lastModified: Date;
}

export type ServedSet = ReadonlyMap<string, ServedFile>;

/** What a path was last served with: enough to keep its Last-Modified while its bytes stay the same. */
export type Validators = ReadonlyMap<string, Pick<ServedFile, 'etag' | 'lastModified'>>;

export interface SetEntry {
  /** The exact request path, e.g. `/joint.ics` or `/`. */
  path: string;
  bytes: Uint8Array;
  contentType: string;
}

export const strongEtag = (bytes: Uint8Array): string => `"${createHash('sha256').update(bytes).digest('base64url')}"`;

const toWholeSecond = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000);

/**
 * Builds a set stamped `stamp`. A path whose bytes are unchanged from `previous` keeps its old
 * Last-Modified, so identical rebuilds never tell clients that something changed.
 */
export function makeServedSet(entries: readonly SetEntry[], stamp: Date, previous?: Validators): ServedSet {
  const set = new Map<string, ServedFile>();
  for (const e of entries) {
    if (!e.path.startsWith('/')) throw new Error(`served path must start with "/": ${e.path}`);
    if (set.has(e.path)) throw new Error(`served path given twice: ${e.path}`);
    const etag = strongEtag(e.bytes);
    const before = previous?.get(e.path);
    const lastModified = before && before.etag === etag ? before.lastModified : toWholeSecond(stamp.getTime());
    set.set(e.path, Object.freeze({ bytes: e.bytes, contentType: e.contentType, etag, lastModified }));
  }
  return set;
}
