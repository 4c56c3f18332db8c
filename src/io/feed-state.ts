// The feed state file in the output folder, and how every state file (serve's too) is read and written: read
// defensively (read-input.ts, never through a symbolic link, 16 MiB at most; strict JSON, schema, no prototype
// keys) and written deterministically (sorted keys, LF, final newline) so that an unchanged run leaves it
// byte-identical too.
import path from 'node:path';
import { sortKeys } from '../core/feeds/lifecycle.js';
import { describeJsonError } from '../core/json-error.js';
import { CycleSyncError } from '../errors.js';
import { feedStateEntrySchema, feedStateSchema } from '../schema/feed-state.schema.js';
import type { FeedState, FeedStateEntry } from '../schema/feed-state.schema.js';
import { readInputText } from './read-input.js';
import type * as z from '../schema/zod.js';

export const STATE_FILE = '.cyclesync-state.json';
const MAX_STATE_BYTES = 16 * 1024 * 1024;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The state of `dir`, or undefined when there is none yet (a first run). */
export const readFeedState = (dir: string): FeedState | undefined =>
  readStateFile(path.join(dir, STATE_FILE), feedStateSchema);

/** A state file checked against `schema`, or undefined when it does not exist yet. */
export function readStateFile<T>(file: string, schema: z.ZodMiniType<T>): T | undefined {
  let text: string;
  try {
    // Not followed through a symbolic link: the output folder may come from a pull request.
    text = readInputText(file, file, { maxBytes: MAX_STATE_BYTES, what: 'a state file', noFollow: true });
  } catch (e) {
    if (e instanceof CycleSyncError && e.code === 'FILE_NOT_FOUND') return undefined;
    throw e;
  }
  return parseStateJson(text, file, schema);
}

/** JSON.parse that refuses the keys a merge could pollute a prototype with. */
const parseStrictJson = (text: string): unknown =>
  JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN.has(key)) throw new Error(`forbidden key "${key}"`);
    return value;
  });

export const parseFeedState = (text: string, file: string): FeedState => parseStateJson(text, file, feedStateSchema);

/** A state file's JSON, strictly: no prototype keys, and it must match `schema`; else a SCHEMA error naming it. */
export function parseStateJson<T>(text: string, file: string, schema: z.ZodMiniType<T>): T {
  let data: unknown;
  try {
    data = parseStrictJson(text);
  } catch (e) {
    throw refuse(file, e instanceof SyntaxError ? `it is ${describeJsonError(e, text)}` : (e as Error).message);
  }
  const parsed = schema.safeParse(data);
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
export const serializeState = (state: unknown): string => `${JSON.stringify(sortKeys(state), null, 2)}\n`;
