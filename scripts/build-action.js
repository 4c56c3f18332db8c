#!/usr/bin/env node
// The GitHub Action's program: action/lib/main.mjs, one minified ES module with every dependency inside,
// bundled from src/action/entry.ts. A workflow runs an action from its repository as it is, without building
// it, so this file is committed: run `npm run build:action` after a change to the code it bundles and commit
// the result. A test fails when the committed file differs from what this builds (the build is
// deterministic: same sources and esbuild, same bytes). The npm package does not ship it (`files`).
// It sits two levels below the repository root, like the package's bundles, so that the built-in calendars
// are found from it (src/io/resolve-spec.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE } from './bundle-options.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const ACTION_FILE = path.join(ROOT, 'action', 'lib', 'main.mjs');

/** The action's bundle, in memory. */
export async function actionBundle() {
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'src', 'action', 'entry.ts')],
    ...NODE_BUNDLE,
    outfile: ACTION_FILE,
    write: false,
  });
  if (outputFiles.length !== 1) throw new Error(`esbuild wrote ${outputFiles.length} files, expected one`);
  return outputFiles[0].contents;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(path.dirname(ACTION_FILE), { recursive: true });
  writeFileSync(ACTION_FILE, await actionBundle());
  console.log(`built ${path.relative(ROOT, ACTION_FILE)}`);
}
