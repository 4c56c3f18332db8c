// Holds the one current ServedSet and replaces it after a successful rebuild. Rebuilds never overlap:
// a change arriving during a build queues exactly one more. A failed build leaves the last good set.
import { makeServedSet } from './served-set.js';
import type { ServedSet, SetEntry, Validators } from './served-set.js';

export interface Build {
  entries: SetEntry[];
  /** When this build's content was made: the Last-Modified of every path whose bytes changed. */
  stamp: Date;
}

export type RebuildOutcome =
  { ok: true; set: ServedSet; changed: string[]; removed: string[] } | { ok: false; error: unknown };

export interface LiveSet {
  current: () => ServedSet;
  /** Resolves once a build started after this call has finished (successfully or not). */
  rebuild: () => Promise<RebuildOutcome>;
}

function diff(before: ServedSet, after: ServedSet): { changed: string[]; removed: string[] } {
  const changed = [...after].filter(([p, f]) => before.get(p)?.etag !== f.etag).map(([p]) => p);
  const removed = [...before.keys()].filter(p => !after.has(p));
  return { changed, removed };
}

/**
 * Builds the first set (its error propagates: there is nothing to serve yet) and returns the holder. A path
 * whose bytes are those `served` lists (the set of an earlier run) keeps its Last-Modified.
 */
export async function createLiveSet(build: () => Promise<Build>, served?: Validators): Promise<LiveSet> {
  const first = await build();
  let current = makeServedSet(first.entries, first.stamp, served);
  let running: Promise<RebuildOutcome> | undefined;
  let queued: Promise<RebuildOutcome> | undefined;

  const runOnce = async (): Promise<RebuildOutcome> => {
    try {
      const b = await build();
      const next = makeServedSet(b.entries, b.stamp, current);
      const d = diff(current, next);
      current = next; // the swap: one reference, so a request sees the old set or the new one
      return { ok: true, set: next, ...d };
    } catch (error) {
      return { ok: false, error };
    }
  };

  const rebuild = (): Promise<RebuildOutcome> => {
    if (!running) {
      running = runOnce().finally(() => (running = undefined));
      return running;
    }
    // A build is under way and may have read the files before this change: run one more after it.
    queued ??= running.then(() => {
      queued = undefined;
      return rebuild();
    });
    return queued;
  };

  return { current: () => current, rebuild };
}
