#!/usr/bin/env node
// The shipped program: dist/bundle/cyclesync.cjs, one CommonJS file with every dependency inside, built
// from tsc's output (dist/cli/entry.js) by esbuild. `npm run build` runs this after tsc.
// Why a bundle: resolving and compiling ~300 separate ES modules cost about a third of `cyclesync check`'s
// start-up. Why CommonJS: bin/cyclesync.cjs loads it through vm.Script with V8's code cache, which Node 20
// offers for scripts only, not for ES modules.
// It sits two levels below the package root like dist/cli/, so `new URL('../../calendars/', import.meta.url)`
// (src/io/resolve-spec.ts) finds the built-in calendars from both.
// Next to it, builtin-calendars.json: the built-in calendars parsed, indexed and validated now, so that a
// run need not parse or validate them (src/io/precompiled-builtins.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUNDLE_DIR = path.join(ROOT, 'dist', 'bundle');
export const BUNDLE_FILE = path.join(BUNDLE_DIR, 'cyclesync.cjs');

/** Writes `bytes` to `file` through a temp file and a rename, so that a reader never sees half of it. */
export function writeAtomically(file, bytes) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Indexes every calendars/*.yaml and validates it against its schema, with the same code a run uses (tsc's
 * output), in the format it reads. A built-in that does not validate stops the build.
 */
async function precompileBuiltins() {
  const dist = file => import(pathToFileURL(path.join(ROOT, 'dist', file)).href);
  const { indexYaml } = await dist('io/parse-yaml.js');
  const { PRECOMPILED_FILE, PRECOMPILED_FORMAT } = await dist('io/precompiled-builtins.js');
  const { NOT_CYCLES } = await dist('io/resolve-spec.js');
  const schemas = {
    alignment: (await dist('schema/alignment.schema.js')).alignmentSchema,
    calendar: (await dist('schema/calendar.schema.js')).calendarSchema,
  };
  const dir = path.join(ROOT, 'calendars');
  const files = {};
  for (const name of readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .sort()) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const index = indexYaml(text, `calendars/${name}`);
    const schema = NOT_CYCLES.has(name) ? 'alignment' : 'calendar';
    const validated = { schema, data: schemas[schema].parse(index.data) };
    // JSON must carry the data unchanged (it would not carry a Date, -0, Infinity or an undefined field).
    for (const [what, data] of [
      ['data', index.data],
      ['validated data', validated.data],
    ])
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data))
        throw new Error(`calendars/${name}: its ${what} does not survive JSON; it cannot be precompiled`);
    files[name] = { text, index, validated };
  }
  writeAtomically(PRECOMPILED_FILE, JSON.stringify({ format: PRECOMPILED_FORMAT, files }));
  return PRECOMPILED_FILE;
}

// yargs imports, at load, packages that a normal run never calls. string-width (through cliui, which lays
// out help text) builds an Intl.Segmenter and a `\p{RGI_Emoji}` regular expression when it loads: about
// 20 ms, more than any other module, though only `--help` and usage errors lay anything out. node:assert
// (about 2 ms) checks yargs's invariants, and is needed only when one fails. This plugin hands yargs's
// platform shim stand-ins that `require` the real module only when it is needed; esbuild then wraps the
// real packages so that their top level runs only then (__tests__/cli/lazy-load.test.ts).
const STAND_INS = {
  cliui: `export default function ui(...a) { return require('cliui').default(...a); }`,
  'string-width': `export default function stringWidth(...a) { return require('string-width').default(...a); }`,
  // The same Object.is comparison assert makes; the real assert only to throw its own error.
  assert: `export function notStrictEqual(a, b, m) { if (Object.is(a, b)) require('assert').notStrictEqual(a, b, m); }
export function strictEqual(a, b, m) { if (!Object.is(a, b)) require('assert').strictEqual(a, b, m); }`,
};
const lazyInYargs = {
  name: 'lazy-in-yargs',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(STAND_INS).join('|')})$`);
    build.onResolve({ filter }, args => {
      // A stand-in's own require, and every importer but yargs's shim, get the real module.
      if (args.namespace === 'stand-in' || !/[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]/.test(args.importer))
        return undefined;
      return { path: args.path, namespace: 'stand-in', pluginData: { resolveDir: args.resolveDir } };
    });
    // The shim reads process.stdout.columns when it loads, which makes Node create process.stdout (and load
    // its stream modules, about 2 ms) in every run; yargs needs the width only to lay out help without a
    // .wrap() (cli/main.ts sets one). A getter reads it when asked.
    build.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async args => {
      const text = await readFile(args.path, 'utf8');
      const eager = "stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null";
      if (!text.includes(eager)) throw new Error(`${args.path}: no \`${eager}\` to make lazy (a new yargs?)`);
      return {
        contents: text.replace(eager, `get stdColumns() { return ${eager.slice('stdColumns: '.length)}; }`),
        loader: 'js',
      };
    });
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, args => ({
      contents: STAND_INS[/** @type {keyof typeof STAND_INS} */ (args.path)],
      // Resolved from yargs's folder, so the real package is the one yargs itself would get.
      resolveDir: args.pluginData.resolveDir,
      loader: 'js',
    }));
  },
};

/** The bin reads the bundle as Latin-1, which is faster than UTF-8 and exact only for ASCII (esbuild's default). */
function assertAscii(bytes) {
  const at = bytes.findIndex(b => b > 0x7f);
  if (at >= 0) {
    const line = Buffer.from(bytes.subarray(0, at)).toString('latin1').split('\n').length;
    throw new Error(
      `the bundle has a non-ASCII byte on line ${line}: write the character as an escape (\\u…) in the source`
    );
  }
}

/**
 * The bundle with its build id appended as a last-line comment: a hash of its code, which names the code
 * cache shipped for exactly this bundle (scripts/ship-code-cache.js, read by bin/cyclesync.cjs). At the end,
 * so that no line of the source map moves.
 */
function withBuildId(code) {
  const id = createHash('sha256').update(code).digest('hex').slice(0, 32);
  return Buffer.concat([code, Buffer.from(`\n${BUILD_ID_COMMENT}${id}\n`)]);
}
export const BUILD_ID_COMMENT = '//# cyclesync-build=';

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
    // A map back to src/*.ts (through tsc's maps), without the sources: `--debug` reads it to show an internal
    // error's stack in source lines (src/cli/readable-stack.ts). Nothing else reads it.
    sourcemap: 'external',
    sourcesContent: false,
    write: false,
    plugins: [lazyInYargs],
    logLevel: 'warning',
  });
  const output = ext => {
    const file = outputFiles.find(f => f.path.endsWith(ext));
    if (!file) throw new Error(`esbuild wrote no ${ext} file`);
    return file.contents;
  };
  const code = withBuildId(output('.cjs'));
  assertAscii(code);
  // Renamed into place, so that a running bin never reads a half-written bundle (the map first: a bundle
  // never meets an older map).
  writeAtomically(`${BUNDLE_FILE}.map`, output('.cjs.map'));
  writeAtomically(BUNDLE_FILE, code);
  return BUNDLE_FILE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`bundled ${path.relative(ROOT, await bundle())}`);
}
