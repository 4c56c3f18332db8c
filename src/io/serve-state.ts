// serve's state file (schema/serve-state.schema.ts): read at start, rewritten atomically after a build that
// changed it, in a folder only this user may open (it sits under $XDG_STATE_HOME by default).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { serveStateSchema } from '../schema/serve-state.schema.js';
import type { ServeState } from '../schema/serve-state.schema.js';
import { readStateFile } from './feed-state.js';
import { writeFileAtomic } from './write-output.js';

export type { ServeState };

export const readServeState = (file: string): ServeState | undefined => readStateFile(file, serveStateSchema);

/** Writes the text of a state (serializeState) atomically, creating its folder private to this user. */
export async function writeServeState(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, text);
}
