#!/usr/bin/env node
// `npm run bundle`: an esbuild bundle of the built CLI in artifacts/bundle/ (one entry, code-split chunks, so
// each command still loads its use-case lazily). It exists to measure start-up against the plain tsc
// output (`npm run bench` compares both); the published bin is still dist/cli/main.js.
// artifacts/bundle/ sits two levels below the package root like dist/cli/, so `calendars/` is found the same
// way; it is git-ignored and outside the published `files`, so the package never ships it.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUNDLE_DIR = path.join(ROOT, 'artifacts', 'bundle');
export const BUNDLE_ENTRY = path.join(BUNDLE_DIR, 'cyclesync.mjs');

export async function bundle() {
  const { build } = await import('esbuild');
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    entryPoints: { cyclesync: path.join(ROOT, 'dist', 'cli', 'main.js') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    outdir: BUNDLE_DIR,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    // rrule is CommonJS and calls require(); an ESM bundle has none unless we make one.
    banner: {
      js: "import{createRequire as __cjsRequire}from'node:module';const require=__cjsRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return BUNDLE_ENTRY;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`bundled ${path.relative(ROOT, await bundle())}`);
}
