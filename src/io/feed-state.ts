// The feed state file in the output folder. Read defensively (read-input.ts, never through a symbolic link,
// 16 MiB at most; strict JSON, schema, no prototype keys) and written deterministically (sorted keys, LF, final newline) so that an unchanged run
// leaves it byte-identical too.
import path from 'node:path';
import { sortKeys } from '../core/feeds/lifecycle.js';
import { describeJsonError } from '../core/json-error.js';
import { CycleSyncError } from '../errors.js';
import { feedStateEntrySchema, feedStateSchema } from '../schema/feed-state.schema.js';
import type { FeedState, FeedStateEntry } from '../schema/feed-state.schema.js';
import { readInputText } from './read-input.js';

export const STATE_FILE = '.cyclesync-state.json';
const MAX_STATE_BYTES = 16 * 1024 * 1024;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The state of `dir`, or undefined when there is none yet (a first run). */
export function readFeedState(dir: string): FeedState | undefined {
  const file = path.join(dir, STATE_FILE);
  let text: string;
  try {
    // Not followed through a symbolic link: the output folder may come from a pull request.
    text = readInputText(file, file, { maxBytes: MAX_STATE_BYTES, what: 'the feed state', noFollow: true });
  } catch (e) {
    if (e instanceof CycleSyncError && e.code === 'FILE_NOT_FOUND') return undefined;
    throw e;
  }
  return parseFeedState(text, file);
}

/** JSON.parse that refuses the keys a merge could pollute a prototype with. */
const parseStrictJson = (text: string): unknown =>
  JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN.has(key)) throw new Error(`forbidden key "${key}"`);
    return value;
  });

export function parseFeedState(text: string, file: string): FeedState {
  let data: unknown;
  try {
    data = parseStrictJson(text);
  } catch (e) {
    throw refuse(file, e instanceof SyntaxError ? `it is ${describeJsonError(e, text)}` : (e as Error).message);
  }
  const parsed = feedStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(file, `${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'does not match the schema'}`);
  }
  return parsed.data;
}

const refuse = (file: string, why: string): CycleSyncError =>
  new CycleSyncError({
    code: 'SCHEMA',
    message: `the feed state ${file} cannot be used: ${why}`,
    at: { file },
    hint: `it records each event's SEQUENCE; restore it from version control, or delete it to start over (subscribers may then see stale copies until the next change)`,
  });

/**
 * One event's entry of a state, as JSON text from elsewhere (a CalDAV event carries its own): the entry, or
 * undefined when the text is not one (malformed, forbidden keys, outside the schema).
 */
export function parseFeedStateEntry(text: string): FeedStateEntry | undefined {
  try {
    const parsed = feedStateEntrySchema.safeParse(parseStrictJson(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Sorted keys at every level, two-space indent, final newline. */
export function serializeFeedState(state: FeedState): string {
  return `${JSON.stringify(sortKeys(state), null, 2)}\n`;
}
