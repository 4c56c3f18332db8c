// The same inputs give the same feed bytes from any working folder, and no feed names a path of the machine:
// the rules file a finding cites is `builtin:alignment`, or named from the calendars folder.
import { expect, jest, test } from '@jest/globals';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

jest.setTimeout(60_000);
const tempDir = tempDirs('cyclesync-any-folder-');
const ARGS = [
  'feeds',
  '--domain',
  'example.org',
  '--today',
  '2026-11-29',
  '--from',
  '2026-01-01',
  '--to',
  '2030-12-31',
  '--lang',
  'en,es',
];
const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };

/** Every file the run wrote (feeds, feeds.json and the state), by name. */
const written = (out: string): Record<string, string> =>
  Object.fromEntries(readdirSync(out).map(n => [n, readFileSync(path.join(out, n), 'utf8')]));

test('a planner’s folder with its own rules: the same bytes from the repository, from inside it and from elsewhere', async () => {
  const repo = await tempDir();
  cpSync(path.join(ROOT, 'fixtures/alignment/rules-override/calendars'), path.join(repo, 'planning'), {
    recursive: true,
  });
  const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
  const runs = [
    runCli([...ARGS, '--calendars', 'planning', '--out', a], { cwd: repo, env: EPOCH }),
    runCli([...ARGS, '--calendars', '.', '--out', b], { cwd: path.join(repo, 'planning'), env: EPOCH }),
    runCli([...ARGS, '--calendars', path.join(repo, 'planning'), '--out', c], { cwd: await tempDir(), env: EPOCH }),
  ];
  for (const r of runs) expect([r.status, r.stderr]).toEqual([0, '']);
  const first = written(a);
  expect(written(b)).toEqual(first);
  expect(written(c)).toEqual(first);
  const joint = first['joint.ics']!.replace(/\r\n /g, '');
  expect(joint).toContain('alignment.yaml');
  for (const text of Object.values(first)) {
    expect(text).not.toContain(repo);
    expect(text).not.toContain(ROOT);
    expect(text).not.toContain('planning/alignment.yaml');
  }
});

test('the built-in rules are builtin:alignment wherever cyclesync is installed and run from', async () => {
  const [a, b] = [await tempDir(), await tempDir()];
  expect(runCli([...ARGS, '--out', a], { env: EPOCH }).status).toBe(0);
  expect(runCli([...ARGS, '--out', b], { cwd: await tempDir(), env: EPOCH }).status).toBe(0);
  expect(written(b)).toEqual(written(a));
  const joint = written(a)['joint.ics']!.replace(/\r\n /g, '');
  expect(joint).toContain('builtin:alignment');
  expect(joint).not.toContain(ROOT);
  expect(joint).not.toContain('calendars/alignment.yaml');
});
