// The language-independent model of what a feed carries: one FeedItem per calendar event, plain JSON (dates
// as ISO strings) so that it can be hashed, stored in the feed state file and re-rendered as a tombstone.
import { FEED_SCOPES } from '../../schema/feed-state-format.js';
import type { FeedItem, FeedState, FeedStateEntry } from '../../schema/feed-state.schema.js';

/** The three published feeds (each also a file-name slug), as the state file's schema knows them. */
export { FEED_SCOPES };
export type FeedScope = (typeof FEED_SCOPES)[number];

export type { FeedItem, FeedState, FeedStateEntry };

/** One event as published: the item plus its lifecycle fields. */
export interface EmittedEvent {
  item: FeedItem;
  sequence: number;
  /** DTSTAMP: the last change, an ISO instant in UTC to the second (`2026-11-29T18:30:00Z`). */
  stamp: string;
  /** Set when the item disappeared: the instant it was first published as cancelled. */
  cancelled: string | undefined;
}
