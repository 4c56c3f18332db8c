#!/usr/bin/env node
// The shipped program: dist/bundle/cyclesync.cjs, one CommonJS file with every dependency inside, built
// from tsc's output (dist/cli/entry.js) by esbuild. `npm run build` runs this after tsc.
// Why a bundle: resolving and compiling ~300 separate ES modules cost about a third of `cyclesync check`'s
// start-up. Why CommonJS: bin/cyclesync.cjs loads it through vm.Script with V8's code cache, which Node 20
// offers for scripts only, not for ES modules.
// It sits two levels below the package root like dist/cli/, so `new URL('../../calendars/', import.meta.url)`
// (src/io/resolve-spec.ts) finds the built-in calendars from both.
// Next to it, builtin-calendars.json: the built-in calendars parsed and indexed now, so that a run need not
// parse their YAML (src/io/precompiled-builtins.ts).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUNDLE_DIR = path.join(ROOT, 'dist', 'bundle');
export const BUNDLE_FILE = path.join(BUNDLE_DIR, 'cyclesync.cjs');

/** Writes `bytes` to `file` through a temp file and a rename, so that a reader never sees half of it. */
function writeAtomically(file, bytes) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Indexes every calendars/*.yaml with the same code a run uses (tsc's output), in the format it reads. */
async function precompileBuiltins() {
  const { indexYaml } = await import(pathToFileURL(path.join(ROOT, 'dist', 'io', 'read-yaml.js')).href);
  const { PRECOMPILED_FILE, PRECOMPILED_FORMAT } = await import(
    pathToFileURL(path.join(ROOT, 'dist', 'io', 'precompiled-builtins.js')).href
  );
  const dir = path.join(ROOT, 'calendars');
  const files = {};
  for (const name of readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .sort()) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const index = indexYaml(text, `calendars/${name}`);
    // JSON must carry the data unchanged (it would not carry a Date, -0 or Infinity).
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(index.data)), index.data))
      throw new Error(`calendars/${name}: its data does not survive JSON; it cannot be precompiled`);
    files[name] = { text, index };
  }
  writeAtomically(PRECOMPILED_FILE, JSON.stringify({ format: PRECOMPILED_FORMAT, files }));
  return PRECOMPILED_FILE;
}

export async function bundle() {
  const { build } = await import('esbuild');
  mkdirSync(BUNDLE_DIR, { recursive: true });
  await precompileBuiltins();
  const { outputFiles } = await build({
    entryPoints: [path.join(ROOT, 'dist', 'cli', 'entry.js')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Whitespace and syntax only: identifiers stay, so that `--debug` stacks still name the functions.
    minifyWhitespace: true,
    minifySyntax: true,
    // CommonJS has no import.meta; the bundle's own file URL stands in for it (__filename is the bundle).
    define: { 'import.meta.url': '__cyclesyncBundleUrl' },
    banner: { js: "var __cyclesyncBundleUrl=require('node:url').pathToFileURL(__filename).href;" },
    outfile: BUNDLE_FILE,
    write: false,
    logLevel: 'warning',
  });
  // Renamed into place, so that a running bin never reads a half-written bundle.
  writeAtomically(BUNDLE_FILE, outputFiles[0].contents);
  return BUNDLE_FILE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`bundled ${path.relative(ROOT, await bundle())}`);
}
