#!/usr/bin/env node
// The shipped program: dist/bundle/cyclesync.cjs, one CommonJS file with every dependency inside, built
// from tsc's output (dist/cli/entry.js) by esbuild. `npm run build` runs this after tsc.
// Why a bundle: resolving and compiling ~300 separate ES modules cost about a third of `cyclesync check`'s
// start-up. Why CommonJS: bin/cyclesync.cjs loads it through vm.Script with V8's code cache, which Node 20
// offers for scripts only, not for ES modules.
// It sits two levels below the package root like dist/cli/, so `new URL('../../calendars/', import.meta.url)`
// (src/io/resolve-spec.ts) finds the built-in calendars from both.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUNDLE_DIR = path.join(ROOT, 'dist', 'bundle');
export const BUNDLE_FILE = path.join(BUNDLE_DIR, 'cyclesync.cjs');

export async function bundle() {
  const { build } = await import('esbuild');
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const tmp = `${BUNDLE_FILE}.${process.pid}.tmp`;
  try {
    await build({
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
      outfile: tmp,
      logLevel: 'warning',
    });
    // Renamed into place, so that a running bin never reads a half-written bundle.
    renameSync(tmp, BUNDLE_FILE);
  } finally {
    rmSync(tmp, { force: true });
  }
  return BUNDLE_FILE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`bundled ${path.relative(ROOT, await bundle())}`);
}
