// Where `serve` keeps its state between restarts, and the state itself: the feed lifecycle of the last build
// and the validators it served each path with.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FeedState } from '../core/feeds/types.js';
import { DEFAULT_UID_DOMAIN } from '../core/feeds/uid.js';
import { resolveSpec } from '../io/resolve-spec.js';
import { SERVE_STATE_VERSION } from '../schema/serve-state.schema.js';
import type { ServeState } from '../io/serve-state.js';
import type { ServedSet, Validators } from '../io/serve/served-set.js';

/**
 * The default state file: `$XDG_STATE_HOME/cyclesync/` (a relative XDG_STATE_HOME is ignored, as the XDG spec
 * says), else `~/.local/state/cyclesync/`, one file per set of calendars and UID domain. Two servers of
 * different calendars must not share one: each would see the other's events vanish and publish them as
 * cancelled.
 */
export function defaultServeStateFile(where: {
  stateHome: string | undefined;
  home: string;
  cwd: string;
  calendars: readonly string[];
  domain: string | undefined;
}): string {
  const base =
    where.stateHome && path.isAbsolute(where.stateHome) ? where.stateHome : path.join(where.home, '.local', 'state');
  const served = {
    calendars: where.calendars.map(s => (s.startsWith('builtin:') ? s : resolveSpec(s, where.cwd))),
    domain: where.domain ?? DEFAULT_UID_DOMAIN,
  };
  const key = createHash('sha256').update(JSON.stringify(served)).digest('hex').slice(0, 16);
  return path.join(base, 'cyclesync', `serve-${key}.json`);
}

/** `2026-11-29T18:30:00Z`: the state's instants, to the second. */
const isoSecond = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const serveState = (feeds: FeedState, set: ServedSet): ServeState => ({
  version: SERVE_STATE_VERSION,
  generator: 'cyclesync serve',
  feeds,
  served: Object.fromEntries([...set].map(([p, f]) => [p, { etag: f.etag, lastModified: isoSecond(f.lastModified) }])),
});

export const validatorsOf = (state: ServeState): Validators =>
  new Map(Object.entries(state.served).map(([p, v]) => [p, { etag: v.etag, lastModified: new Date(v.lastModified) }]));
