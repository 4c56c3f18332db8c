// The state `serve` keeps across restarts: the feed lifecycle (as a feeds folder's state file holds it) and
// the validators each path was last served with, so that a restart with no edit serves the same bytes with
// the same ETag and Last-Modified.
import * as z from './zod.js';
import { feedStateSchema, isoInstantSchema } from './feed-state.schema.js';

export const SERVE_STATE_VERSION = 1;

export const serveStateSchema = z.strictObject({
  version: z.literal(SERVE_STATE_VERSION),
  generator: z.literal('cyclesync serve'),
  feeds: feedStateSchema,
  /** By served path: the ETag and the instant its bytes last changed (Last-Modified). */
  served: z.record(
    z.string().check(z.maxLength(200)),
    z.strictObject({ etag: z.string().check(z.maxLength(100)), lastModified: isoInstantSchema })
  ),
});

export type ServeState = z.infer<typeof serveStateSchema>;
