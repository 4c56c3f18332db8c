// writeNewFile (what `init` writes with): creates missing folders, never replaces a file, and leaves no temp file.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { CycleSyncError } from '../../src/errors.js';
import { writeNewFile } from '../../src/io/write-new-file.js';

const root = mkdtempSync(path.join(tmpdir(), 'cyclesync-new-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('writes the content into a folder it creates, with no temp file left', async () => {
  const target = path.join(root, 'a', 'b', 'file.yaml');
  await writeNewFile(target, 'id: ideal\n');
  expect(readFileSync(target, 'utf8')).toBe('id: ideal\n');
  expect(readdirSync(path.dirname(target))).toEqual(['file.yaml']);
});

test('an existing file is kept as it was: a USAGE error, and no temp file left', async () => {
  const target = path.join(root, 'taken.yaml');
  writeFileSync(target, 'mine\n');
  const error = await writeNewFile(target, 'theirs\n').then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(CycleSyncError);
  expect((error as CycleSyncError).code).toBe('USAGE');
  expect((error as CycleSyncError).message).toBe(`${target} already exists; not overwriting it`);
  expect(readFileSync(target, 'utf8')).toBe('mine\n');
  expect(readdirSync(root).filter(n => n.startsWith('.cyclesync-tmp-'))).toEqual([]);
});
