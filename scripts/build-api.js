#!/usr/bin/env node
// The programmatic API of the package (`import { plan, check, … } from 'cyclesync'`): dist/bundle/api.js, one
// ES module with every dependency inside (the package installs none), and dist/bundle/api.d.ts, its
// declarations in one file that needs no other package's types (rollup-plugin-dts joins the declarations tsc
// wrote into dist/api/, keeping only what the API's exports reach). package.json's `exports` names both.
// `npm run build` runs this after tsc, whose output (dist/api/index.js and .d.ts) it bundles.
// It sits two levels below the package root, like the CLI's bundle, so that the built-in calendars are found
// from it (src/io/resolve-spec.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageFacts } from './package-facts.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const API_DIR = path.join(ROOT, 'dist', 'bundle');
export const API_FILE = path.join(API_DIR, 'api.js');
export const API_TYPES = path.join(API_DIR, 'api.d.ts');

export async function buildApi() {
  const { build } = await import('esbuild');
  mkdirSync(API_DIR, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'dist', 'api', 'index.js')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Whitespace and syntax only: identifiers stay, so that a stack trace in a planner's tool names functions.
    minifyWhitespace: true,
    minifySyntax: true,
    // Bundled CommonJS dependencies call require() for Node's modules, which an ES module lacks.
    banner: {
      js: "import { createRequire as __cyclesyncRequire } from 'node:module';\nconst require = __cyclesyncRequire(import.meta.url);",
    },
    plugins: [packageFacts],
    outfile: API_FILE,
    logLevel: 'warning',
  });
  const { rollup } = await import('rollup');
  const { dts } = await import('rollup-plugin-dts');
  const types = await rollup({
    input: path.join(ROOT, 'dist', 'api', 'index.d.ts'),
    plugins: [dts()],
    onwarn: warning => {
      // Declarations the API does not reach may import other packages' types: they are left out, as they should.
      if (warning.code !== 'UNUSED_EXTERNAL_IMPORT') throw new Error(`api.d.ts: ${warning.message}`);
    },
  });
  const { output } = await types.generate({ format: 'es' });
  const code = output.map(chunk => (chunk.type === 'chunk' ? chunk.code : '')).join('');
  // A type the API reaches in another package (zod, Temporal) would stay an import that an installed
  // package, which has no dependencies, cannot resolve: the API's types must be plain.
  const foreign = /^import .* from '([^']+)';$/m.exec(code);
  if (foreign) throw new Error(`api.d.ts would import ${foreign[1]}: ${foreign[0]}`);
  writeFileSync(API_TYPES, code);
  return [API_FILE, API_TYPES];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of await buildApi()) console.log(`built ${path.relative(ROOT, file)}`);
}
