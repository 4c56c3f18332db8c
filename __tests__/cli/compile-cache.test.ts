// bin/cyclesync.cjs runs the bundle through V8's code cache. The cache must never change what a command
// prints or how it exits; it is written once per command, after the command; a corrupt or foreign file is
// ignored and replaced; and only a folder private to the user is read or written. A copy without its bundle
// fails with a message, not a stack trace. The user's own cache is tested from a copy of the package
// without the caches shipped in it (dist/bundle/*.v8cache), which the last tests cover.
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { ROOT, runCli } from '../helpers/run-cli.js';
import type { CliResult } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const freshDir = tempDirs('cyclesync-cc-');
const CHECK = ['check', '--today', '2026-11-29'];
const PLAN = ['plan', '--today', '2026-11-29', '--cycle', 'socta'];
const SHIPPED_CORE = 'cyclesync.core.v8cache';
const SHIPPED_FULL = 'cyclesync.v8cache';
const shippedFile = (name: string, bin = ROOT_BIN) => path.join(path.dirname(bin), '..', 'dist', 'bundle', name);
const ROOT_BIN = path.join(ROOT, 'bin', 'cyclesync.cjs');

/** A copy of the installed package (bin, bundle, calendars), with or without the shipped caches. */
async function packageCopy(shipped: boolean): Promise<string> {
  const pkg = await freshDir();
  for (const part of ['bin', 'dist/bundle', 'calendars'])
    cpSync(path.join(ROOT, part), path.join(pkg, part), {
      recursive: true,
      filter: src => shipped || !src.endsWith('.v8cache'),
    });
  return path.join(pkg, 'bin', 'cyclesync.cjs');
}

/** The bin the user-cache tests run: the package without its shipped cache. */
let bare: string;
beforeAll(async () => {
  bare = await packageCopy(false);
});

const uncached = new Map<string, CliResult>();
/** The same command from the same bin with the cache off: what every cached run must match byte for byte. */
function reference(args: readonly string[], bin?: string): CliResult {
  const key = `${bin ?? ''} ${args.join(' ')}`;
  if (!uncached.has(key)) uncached.set(key, runFrom(bin, args, 'off'));
  return uncached.get(key)!;
}

/** Runs `bin` (default: the bare copy) from its package folder, so that built-in paths print alike. */
function runFrom(bin: string | undefined, args: readonly string[], cache: string, env = {}): CliResult {
  const b = bin ?? bare;
  return runCli(args, {
    env: { CYCLESYNC_COMPILE_CACHE: cache, ...env },
    cwd: path.resolve(path.dirname(b), '..'),
    bin: b,
  });
}

function runCached(args: readonly string[], cacheDir: string, bin?: string): void {
  expect(runFrom(bin, args, cacheDir)).toEqual(reference(args, bin));
}

const cacheFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter(f => /^v8-v\d+\.\d+\.\d+-[a-z0-9]+-[0-9._-]+\.bin$/.test(f)) : [];

function header(file: string): unknown {
  const buf = readFileSync(file);
  return JSON.parse(buf.subarray(0, buf.indexOf(10)).toString('utf8'));
}

describe('the compile cache', () => {
  test('a cold run writes one private file covering its command, after printing what an uncached run prints', async () => {
    const dir = path.join(await freshDir(), 'cache');
    runCached(CHECK, dir);
    const files = cacheFiles(dir);
    expect(files).toHaveLength(1);
    const file = path.join(dir, files[0]!);
    expect(header(file)).toEqual({ commands: ['check'] });
    expect(statSync(file).size).toBeGreaterThan(100_000);
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  });

  test('a covered command reuses the file untouched; a new command adds itself once; --help adds nothing', async () => {
    const dir = await freshDir();
    runCached(CHECK, dir);
    const [name] = cacheFiles(dir);
    const file = path.join(dir, name!);
    const first = readFileSync(file);
    runCached(CHECK, dir);
    expect(readFileSync(file).equals(first)).toBe(true);
    runCached(PLAN, dir);
    expect(header(file)).toEqual({ commands: ['check', 'plan'] });
    const second = readFileSync(file);
    runCached(PLAN, dir);
    runCached(CHECK, dir);
    runCached(['report', '--help'], dir);
    expect(readFileSync(file).equals(second)).toBe(true);
    expect(cacheFiles(dir)).toEqual([name]);
    // On a planner's files, check is another kind of run: it also loads the YAML parser and zod.
    const planner = [...CHECK, `--calendars=${path.join(ROOT, 'fixtures', 'extends', 'planner')}`];
    expect(runFrom(undefined, planner, 'off').status).toBe(0);
    runCached(planner, dir);
    expect(header(file)).toEqual({ commands: ['check', 'plan', 'check+files'] });
  });

  test.each([
    ['V8 data that V8 rejects', Buffer.concat([Buffer.from('{"commands":["check"]}\n'), Buffer.alloc(4096, 7)])],
    ['a header that is not JSON', Buffer.from('not a header\n\u0000\u0001')],
    ['no header at all', Buffer.alloc(64, 0)],
  ])('a cache file holding %s is ignored and replaced', async (_what, junk) => {
    const dir = await freshDir();
    runCached(CHECK, dir);
    const [name] = cacheFiles(dir);
    const file = path.join(dir, name!);
    writeFileSync(file, junk);
    runCached(CHECK, dir);
    expect(header(file)).toEqual({ commands: ['check'] });
    expect(readFileSync(file).equals(junk)).toBe(false);
  });

  test('a folder that others may write to is neither read nor written', async () => {
    const dir = await freshDir();
    chmodSync(dir, 0o777);
    runCached(CHECK, dir);
    expect(cacheFiles(dir)).toEqual([]);
  });

  test('CYCLESYNC_COMPILE_CACHE=off writes nothing; by default the cache goes to XDG_CACHE_HOME, else ~/.cache', async () => {
    const home = await freshDir();
    const run = (env: Record<string, string>) => {
      const { CYCLESYNC_COMPILE_CACHE: cache, ...rest } = env;
      expect(runFrom(undefined, CHECK, cache ?? '', { HOME: home, ...rest })).toEqual(reference(CHECK));
    };
    run({ CYCLESYNC_COMPILE_CACHE: 'off' });
    expect(readdirSync(home)).toEqual([]);
    const xdg = path.join(home, 'xdg');
    run({ CYCLESYNC_COMPILE_CACHE: '', XDG_CACHE_HOME: xdg });
    expect(cacheFiles(path.join(xdg, 'cyclesync'))).toHaveLength(1);
    run({ CYCLESYNC_COMPILE_CACHE: '' });
    expect(cacheFiles(path.join(home, '.cache', 'cyclesync'))).toHaveLength(1);
  });

  test('a rebuilt bundle gets a file of its own instead of reading data compiled from another', async () => {
    const bin = await packageCopy(false);
    const pkg = path.resolve(path.dirname(bin), '..');
    const dir = path.join(pkg, 'cache');
    await mkdir(dir, { mode: 0o700 });
    runCached(CHECK, dir, bin);
    expect(cacheFiles(dir)).toHaveLength(1);
    const bundle = path.join(pkg, 'dist', 'bundle', 'cyclesync.cjs');
    utimesSync(bundle, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    runCached(CHECK, dir, bin);
    expect(cacheFiles(dir)).toHaveLength(2);
  });

  test('a copy that was never built says so and exits 3, without a stack trace', async () => {
    const pkg = await freshDir();
    cpSync(path.join(ROOT, 'bin'), path.join(pkg, 'bin'), { recursive: true });
    const r = runCli(['check'], { cwd: pkg, bin: path.join(pkg, 'bin', 'cyclesync.cjs') });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^cyclesync: cannot read .*cyclesync\.cjs \(ENOENT\): this copy of cyclesync is not built\.\n/
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a folder keeps the 8 newest cache files, the one just written among them', async () => {
    const dir = await freshDir();
    const old = Array.from({ length: 10 }, (_, i) => path.join(dir, `v8-old-${i}.bin`));
    old.forEach((f, i) => {
      writeFileSync(f, '{"commands":[]}\n');
      utimesSync(f, new Date(Date.UTC(2020, 0, 1 + i)), new Date(Date.UTC(2020, 0, 1 + i)));
    });
    writeFileSync(path.join(dir, 'notes.txt'), 'not a cache file');
    runCached(CHECK, dir);
    const left = readdirSync(dir).sort();
    expect(left.filter(f => f.startsWith('v8-'))).toHaveLength(8);
    expect(left).toContain('notes.txt');
    expect(cacheFiles(dir)).toHaveLength(1); // the new one
    expect(left.filter(f => f.startsWith('v8-old-')).sort()).toEqual([
      'v8-old-3.bin',
      'v8-old-4.bin',
      'v8-old-5.bin',
      'v8-old-6.bin',
      'v8-old-7.bin',
      'v8-old-8.bin',
      'v8-old-9.bin',
    ]);
  });
  describe('the caches shipped in the package', () => {
    const shippedHeader = (name: string, bin?: string) =>
      header(shippedFile(name, bin)) as { commands: string[]; build: string };
    /** Rewrites a shipped cache's header in a package copy (its V8 data stays). */
    const rewriteHeader = (bin: string, name: string, change: Record<string, unknown>) => {
      const file = shippedFile(name, bin);
      const bytes = readFileSync(file);
      const nl = bytes.indexOf(10);
      const changed = { ...shippedHeader(name, bin), ...change };
      writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(changed)}\n`), bytes.subarray(nl + 1)]));
    };
    /** Replaces a shipped cache's V8 data with bytes V8 rejects, keeping its header. */
    const spoilData = (bin: string, name: string) => {
      const file = shippedFile(name, bin);
      const bytes = readFileSync(file);
      writeFileSync(file, Buffer.concat([bytes.subarray(0, bytes.indexOf(10) + 1), Buffer.alloc(4096, 7)]));
    };

    test("the core one covers the commands on the built-ins, the full one every command but serve, on a planner's files too; both for the bundle beside them", () => {
      const bundle = readFileSync(path.join(ROOT, 'dist', 'bundle', 'cyclesync.cjs'), 'latin1');
      const core = shippedHeader(SHIPPED_CORE);
      const full = shippedHeader(SHIPPED_FULL);
      expect(core.commands).toEqual(['validate', 'plan', 'check', 'explain']);
      // `+files`: the same command on a planner's calendars (--calendars), which loads the YAML parser and zod.
      expect(full.commands).toEqual([
        ...core.commands,
        ...['feeds', 'report', 'lint-ics', 'init'],
        ...['check', 'validate', 'plan', 'explain', 'feeds', 'report'].map(c => `${c}+files`),
      ]);
      for (const { build } of [core, full])
        expect(bundle.trimEnd().endsWith(`//# cyclesync-build=${build}`)).toBe(true);
      // The point of the core one: less to deserialise before a check.
      expect(statSync(shippedFile(SHIPPED_CORE)).size).toBeLessThan(statSync(shippedFile(SHIPPED_FULL)).size * 0.6);
    });

    test('they stand in on a fresh machine: covered commands print the same and write nothing', async () => {
      const dir = await freshDir();
      runCached(CHECK, dir, ROOT_BIN);
      runCached(PLAN, dir, ROOT_BIN);
      runCached(['lint-ics', path.join(ROOT, 'fixtures', 'feeds', 'golden', 'joint.ics')], dir, ROOT_BIN);
      expect(cacheFiles(dir)).toEqual([]);
    });

    test("check takes the core one; lint-ics, and check on a planner's files, the full one", async () => {
      // Each run is given one shipped cache that V8 refuses: a run that took it writes a cache of its own.
      const spoiledFull = await packageCopy(true);
      spoilData(spoiledFull, SHIPPED_FULL);
      const spoiledCore = await packageCopy(true);
      spoilData(spoiledCore, SHIPPED_CORE);
      const lint = ['lint-ics', path.join(ROOT, 'fixtures', 'feeds', 'golden', 'joint.ics')];
      const written = async (bin: string, args: string[]) => {
        const dir = await freshDir();
        expect(runCli(args, { env: { CYCLESYNC_COMPILE_CACHE: dir }, bin })).toEqual(runCli(args, { bin }));
        return cacheFiles(dir).length;
      };
      expect(await written(spoiledFull, CHECK)).toBe(0);
      expect(await written(spoiledCore, CHECK)).toBe(1);
      expect(await written(spoiledCore, lint)).toBe(0);
      expect(await written(spoiledFull, lint)).toBe(1);
      const planner = [...CHECK, '--calendars', path.join(ROOT, 'fixtures', 'extends', 'planner')];
      expect(await written(spoiledCore, planner)).toBe(0);
      expect(await written(spoiledFull, planner)).toBe(1);
    });

    test("a command none covers starts the user's own file from the core one; it never displaces a shipped cache that covers", async () => {
      const dir = await freshDir();
      runCached(['--version'], dir, ROOT_BIN);
      const [name] = cacheFiles(dir);
      const file = path.join(dir, name!);
      expect(header(file)).toEqual({ commands: [...shippedHeader(SHIPPED_CORE).commands, ''] });
      const written = readFileSync(file);
      // lint-ics is not in the user's file but in the full shipped cache, which it therefore runs from.
      runCached(['lint-ics', path.join(ROOT, 'fixtures', 'feeds', 'golden', 'joint.ics')], dir, ROOT_BIN);
      runCached(CHECK, dir, ROOT_BIN);
      expect(cacheFiles(dir)).toEqual([name]);
      expect(readFileSync(file).equals(written)).toBe(true);
    });

    test('a shipped cache made for another build is not used', async () => {
      const bin = await packageCopy(true);
      for (const name of [SHIPPED_CORE, SHIPPED_FULL]) rewriteHeader(bin, name, { build: '0'.repeat(32) });
      const dir = await freshDir();
      runCached(CHECK, dir, bin);
      const [name] = cacheFiles(dir);
      expect(header(path.join(dir, name!))).toEqual({ commands: ['check'] });
    });
  });
});
