// The feed state file in the output folder, and how every state file (serve's too) is read and written: read
// defensively (size cap, strict JSON, schema, no prototype keys) and written deterministically (sorted keys,
// LF, final newline) so that an unchanged run leaves it byte-identical too.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sortKeys } from '../core/feeds/lifecycle.js';
import { CycleSyncError } from '../errors.js';
import { feedStateSchema } from '../schema/feed-state.schema.js';
import type { FeedState } from '../schema/feed-state.schema.js';
import type * as z from '../schema/zod.js';

export const STATE_FILE = '.cyclesync-state.json';
const MAX_STATE_BYTES = 16 * 1024 * 1024;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The state of `dir`, or undefined when there is none yet (a first run). */
export const readFeedState = (dir: string): Promise<FeedState | undefined> =>
  readStateFile(path.join(dir, STATE_FILE), feedStateSchema);

/** A state file checked against `schema`, or undefined when it does not exist yet. */
export async function readStateFile<T>(file: string, schema: z.ZodMiniType<T>): Promise<T | undefined> {
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_STATE_BYTES) throw refuse(file, `it is ${bytes.length} bytes, over the 16 MiB cap`);
    text = bytes.toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (e instanceof CycleSyncError) throw e;
    throw refuse(file, (e as Error).message);
  }
  return parseStateJson(text, file, schema);
}

export const parseFeedState = (text: string, file: string): FeedState => parseStateJson(text, file, feedStateSchema);

/** A state file's JSON, strictly: no prototype keys, and it must match `schema`; else a SCHEMA error naming it. */
export function parseStateJson<T>(text: string, file: string, schema: z.ZodMiniType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN.has(key)) throw new Error(`forbidden key "${key}"`);
      return value;
    });
  } catch (e) {
    throw refuse(file, `it is not valid JSON (${(e as Error).message})`);
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

/** Sorted keys at every level, two-space indent, final newline. */
export const serializeState = (state: unknown): string => `${JSON.stringify(sortKeys(state), null, 2)}\n`;
export const serializeFeedState: (state: FeedState) => string = serializeState;
