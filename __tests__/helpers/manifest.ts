// feeds.json, when present, describes the feeds beside it exactly: every listed file with its size and hash.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The disagreements between `dir/feeds.json` and the feeds in `dir` (none when feeds.json is absent). */
export async function manifestDisagreements(dir: string): Promise<string[]> {
  const text = await readFile(path.join(dir, 'feeds.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  const { feeds } = JSON.parse(text) as { feeds: Array<{ file: string; bytes: number; sha256: string }> };
  const wrong: string[] = [];
  for (const f of feeds) {
    const bytes = await readFile(path.join(dir, f.file)).catch(() => undefined);
    if (!bytes) wrong.push(`${f.file} is missing`);
    else if (bytes.length !== f.bytes || createHash('sha256').update(bytes).digest('hex') !== f.sha256)
      wrong.push(`${f.file} is not the file feeds.json describes`);
  }
  return wrong;
}
