#!/usr/bin/env node
// The programmatic API of the package (`import { plan, check, … } from 'cyclesync'`): dist/bundle/api.js, one ES
// module with every dependency inside (the package installs none), bundled from src/api/index.ts. Its
// declarations come from build-api-types.js. package.json's `exports` names both. `npm run build` runs this.
// It sits two levels below the package root, like the CLI's bundle, so that the built-in calendars are found
// from it (src/io/resolve-spec.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { packageFacts } from './package-facts.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const API_FILE = path.join(ROOT, 'dist', 'bundle', 'api.js');

await build({
  absWorkingDir: ROOT,
  entryPoints: [path.join(ROOT, 'src', 'api', 'index.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Fully: the package's size counts (an error a planner's tool meets is a CycleSyncError saying where, not a
  // stack to read). The dependencies' licence comments stay, at the end.
  minify: true,
  // Bundled CommonJS dependencies call require() for Node's modules, which an ES module lacks.
  banner: {
    js: "import { createRequire as __cyclesyncRequire } from 'node:module';\nconst require = __cyclesyncRequire(import.meta.url);",
  },
  plugins: [packageFacts],
  outfile: API_FILE,
  logLevel: 'warning',
});
console.log(`built ${path.relative(ROOT, API_FILE)}`);
