#!/usr/bin/env node
// @ts-check
// The installed `cyclesync` command. It runs the one-file bundle (dist/bundle/cyclesync.cjs, built by
// scripts/bundle.js) through V8's code cache, which Node 20 offers only as vm.Script's `cachedData`
// (Node 22's module.enableCompileCache does the same for every module). A warm cache spares V8 parsing
// and compiling the functions an earlier run of the same command needed: about a fifth of `check`'s
// start-up (docs/performance.md).
//
// The cache is an optimisation and never changes what the command does or prints. Every failure to read,
// accept or write it falls back to compiling from source, silently.
// - Where: $CYCLESYNC_COMPILE_CACHE (a directory, or `off`), else $XDG_CACHE_HOME/cyclesync, else
//   ~/.cache/cyclesync (%LOCALAPPDATA%\cyclesync on Windows).
// - Which file: named after Node's version, the architecture and the bundle's size, mtime and inode; a
//   rebuilt bundle or another Node gets a file of its own, and a folder keeps the 8 newest files. V8 also
//   rejects data made by another V8 or with other flags; a rejected file is rewritten.
// - What it holds: a JSON header line naming the kinds of run it covers, then V8's data. A kind is a
//   command's name, with `+files` when the run reads a planner's files (--calendars or --rules), which loads
//   code (the YAML parser, zod) that a run on the built-in calendars never does. A run of a kind that no
//   cache covers rewrites the file once, after the command finishes, so it grows to cover each such kind.
// - Safety: code read from the cache runs as this user, so it is read and written only in a directory
//   that this user owns and nobody else may write to (created 0700), and written atomically (0600).
// - Shipped caches: the package holds two (made by scripts/ship-code-cache.js), used only when their header
//   names this very bundle's build id (the bundle's last line): dist/bundle/cyclesync.core.v8cache for
//   validate, plan, check and explain on the built-in calendars, less than half the size of
//   dist/bundle/cyclesync.v8cache, which also covers feeds, report, lint-ics, init and the runs on a planner's
//   files. V8 deserialises a whole cache before the run, so the smaller the faster. A fresh machine (a CI
//   runner, every time) runs from them, and a kind they cover writes nothing.
// - Which cache a run starts from: the user's file when it covers the kind, else the first shipped cache
//   that does, else the user's file, else the core cache. A user's file thus starts from the core cache and
//   grows only by kinds no shipped cache covers (serve, --version), so it stays small for `check`.
//   `off` turns off all of them.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle', 'cyclesync.cjs');
/** The shipped caches, the smaller first. */
const SHIPPED_CACHES = ['cyclesync.core.v8cache', 'cyclesync.v8cache'].map(f =>
  path.join(__dirname, '..', 'dist', 'bundle', f)
);
const BUILD_ID = /\/\/# cyclesync-build=([0-9a-f]+)\s*$/;

/** True when the user turned the compile cache off. */
const cacheOff = () => ['off', '0'].includes(process.env['CYCLESYNC_COMPILE_CACHE'] ?? '');

/** The cache directory, or undefined when caching is off or no home is known. */
function cacheDir() {
  const set = process.env['CYCLESYNC_COMPILE_CACHE'];
  if (cacheOff()) return undefined;
  if (set) return path.resolve(set);
  if (process.env['XDG_CACHE_HOME']) return path.join(process.env['XDG_CACHE_HOME'], 'cyclesync');
  if (process.platform === 'win32' && process.env['LOCALAPPDATA'])
    return path.join(process.env['LOCALAPPDATA'], 'cyclesync');
  try {
    return path.join(os.homedir(), '.cache', 'cyclesync');
  } catch {
    return undefined;
  }
}

/**
 * True when `dir` exists, belongs to this user and no one else may write to it (POSIX; on Windows, exists).
 * @param {string} dir
 */
function isPrivateDir(dir) {
  try {
    const st = fs.statSync(dir);
    if (!st.isDirectory()) return false;
    if (typeof process.getuid !== 'function') return true;
    return st.uid === process.getuid() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Options with which a run reads a planner's files. */
const FILE_OPTIONS = /^--(calendars|rules)(=|$)/;

/**
 * The kind of run the cache will cover: the first argument that is not an option ('' for none), with
 * `+files` when the run reads a planner's files. Undefined for a help request, which compiles too little of
 * the command to be worth a rewrite.
 * @param {readonly string[]} argv
 */
function kindOf(argv) {
  if (argv.includes('--help') || argv.includes('-h')) return undefined;
  const command = argv.find(a => !a.startsWith('-')) ?? '';
  return argv.some(a => FILE_OPTIONS.test(a)) ? `${command}+files` : command;
}

/**
 * { commands, build, data } from a cache file, or undefined when absent, foreign or unreadable.
 * @param {string} file
 * @returns {{ commands: string[], build: string | undefined, data: Buffer } | undefined}
 */
function readCache(file) {
  try {
    const buf = fs.readFileSync(file);
    const nl = buf.indexOf(10);
    if (nl < 0) return undefined;
    const header = JSON.parse(buf.subarray(0, nl).toString('utf8'));
    if (!Array.isArray(header.commands)) return undefined;
    return {
      commands: header.commands.map(/** @param {unknown} c */ c => String(c)),
      build: typeof header.build === 'string' ? header.build : undefined,
      data: buf.subarray(nl + 1),
    };
  } catch {
    return undefined;
  }
}

/**
 * Writes the header and V8's data atomically; on any failure leaves no temp file and says nothing.
 * @param {string} dir @param {string} file @param {string[]} commands @param {Buffer} data
 */
function writeCache(dir, file, commands, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!isPrivateDir(dir)) return;
    const header = Buffer.from(JSON.stringify({ commands }) + '\n', 'utf8');
    fs.writeFileSync(tmp, Buffer.concat([header, data]), { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, file);
    prune(dir, file);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do: the cache is only an optimisation.
    }
  }
}

/** How many cache files a folder keeps: one per installed build and Node version in use is plenty. */
const KEEP_FILES = 8;

/**
 * Deletes all but the KEEP_FILES most recently written cache files (never `current`): every rebuild or Node
 * upgrade starts a new file, and the old ones would otherwise pile up, about 1 MB each.
 * @param {string} dir @param {string} current
 */
function prune(dir, current) {
  const files = fs
    .readdirSync(dir)
    .filter(f => /^v8-.*\.bin$/.test(f))
    .map(f => path.join(dir, f))
    .filter(f => f !== current)
    .map(f => ({ f, written: fs.statSync(f).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { f } of files.slice(KEEP_FILES - 1)) fs.rmSync(f, { force: true });
}

/** The bundle's text; a checkout that was never built gets a message and exit 3, not a stack trace. */
function readBundle() {
  try {
    // Latin-1, not UTF-8: the bundle is ASCII (scripts/bundle.js refuses to write it otherwise), for which
    // both give the same text, and Latin-1 decodes 1.7 MB in half the time.
    return fs.readFileSync(BUNDLE, 'latin1');
  } catch (e) {
    const code = /** @type {NodeJS.ErrnoException} */ (e).code;
    process.stderr.write(
      `cyclesync: cannot read ${BUNDLE} (${code ?? String(e)}): this copy of cyclesync is not built.\n` +
        'hint: in a clone of its repository, run `npm ci` (or `npm run build`); otherwise reinstall it.\n'
    );
    process.exit(3);
  }
}

/**
 * The caches shipped in the package that were made for this very bundle, smaller first, each read only when
 * the one before it did not serve; read-only, like the bundle.
 * @param {string} source the bundle's text
 */
function* shippedCaches(source) {
  const build = BUILD_ID.exec(source.slice(-100))?.[1];
  if (build === undefined) return;
  for (const file of SHIPPED_CACHES) {
    const shipped = readCache(file);
    if (shipped?.build === build) yield shipped;
  }
}

/**
 * The cache a run starts from (see the top of this file): the user's own file when it covers `kind`, else
 * the first shipped cache that does, else the user's file, else the smallest shipped cache.
 * @param {ReturnType<typeof readCache>} own @param {string} source @param {string | undefined} kind
 */
function startingCache(own, source, kind) {
  /** @param {{ commands: string[] }} c */
  const covers = c => kind !== undefined && c.commands.includes(kind);
  if ((own && covers(own)) || cacheOff()) return own;
  let smallest;
  for (const shipped of shippedCaches(source)) {
    if (covers(shipped)) return shipped;
    smallest ??= shipped;
  }
  return own ?? smallest;
}

function run() {
  const source = readBundle();
  const dir = cacheDir();
  let file;
  let own;
  if (dir) {
    const st = fs.statSync(BUNDLE);
    // A plain name, not a hash of one: loading node:crypto for a hash would cost about 5 ms on every run.
    const key = [process.version, process.arch, st.size, st.mtimeMs, st.ino].join('-');
    file = path.join(dir, `v8-${key.replace(/[^A-Za-z0-9.-]/g, '_')}.bin`);
    if (isPrivateDir(dir)) own = readCache(file);
  }
  const kind = kindOf(process.argv.slice(2));
  const cached = startingCache(own, source, kind);
  const script = new vm.Script(Module.wrap(source), {
    filename: BUNDLE,
    cachedData: cached?.data,
  });
  const covers = cached !== undefined && !script.cachedDataRejected ? cached.commands : undefined;
  const bundleModule = { exports: /** @type {{ done?: Promise<void> }} */ ({}) };
  script.runInThisContext()(
    bundleModule.exports,
    Module.createRequire(BUNDLE),
    bundleModule,
    BUNDLE,
    path.dirname(BUNDLE)
  );
  if (!dir || !file || kind === undefined || covers?.includes(kind)) return;
  const covered = [...(covers ?? []), kind];
  // After the command, so that the data holds every function the command compiled.
  void bundleModule.exports.done?.then(() => writeCache(dir, file, covered, script.createCachedData()));
}

run();
