// The feed state file's fixed values, free of zod so that the core can name them too (the schema itself is
// feed-state.schema.ts).
export const FEED_STATE_VERSION = 1;

/** What a UID may contain: ASCII letters, digits and `._@-`, at most 200 characters (RFC 5545 asks ≥ 255). */
export const UID_PATTERN = /^[A-Za-z0-9._@-]{1,200}$/;
/** The three published feeds; each is also a file-name slug. */
export const FEED_SCOPES = ['eu', 'latam', 'joint'] as const;
