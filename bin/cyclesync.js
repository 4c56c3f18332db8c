#!/usr/bin/env node
// The installed `cyclesync` command: runs the command line of the one-file bundle that scripts/bundle.js builds.
// - On Node >= 22.1, Node's own compile cache spares a repeated run the parsing and compiling of the bundle. Code
//   read from it runs as this user, so it lives only in a folder that no one else may write to.
// - `--debug` shows an internal error's stack in source lines, through Node's own source-map support.
import { mkdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';

/** $XDG_CACHE_HOME/cyclesync (else ~/.cache/cyclesync) when this user owns it and only they may write to it. */
function privateCacheDir() {
  try {
    const dir = path.join(process.env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'cyclesync');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    return st.uid === process.getuid?.() && (st.mode & 0o022) === 0 ? dir : undefined;
  } catch {
    return undefined; // no home, a read-only one: run without the cache
  }
}

/** @type {((dir: string) => unknown) | undefined} Node >= 22.1 only, so absent from Node 20's types. */
const enableCompileCache = Reflect.get(module, 'enableCompileCache');
if (enableCompileCache) {
  const dir = privateCacheDir();
  if (dir) enableCompileCache(dir);
}
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

let bundle;
try {
  bundle = await import(new URL('../dist/bundle/cyclesync.js', import.meta.url).href);
} catch (e) {
  if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'ERR_MODULE_NOT_FOUND') throw e;
  process.stderr.write(
    'cyclesync: dist/bundle/cyclesync.js is missing: this copy is not built (run `npm run build`).\n'
  );
  process.exitCode = 3;
}
await bundle?.runCli();
