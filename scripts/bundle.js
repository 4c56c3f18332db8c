#!/usr/bin/env node
// The shipped program: dist/bundle/cyclesync.js, one ES module built from src/package.ts by esbuild with every
// dependency inside, so that the package installs nothing else. It is both what `import … from 'cyclesync'`
// gets (the programmatic API; its declarations come from build-api-types.js) and what bin/cyclesync.js runs
// (its `runCli`). `npm run build` runs this after generating the built-in calendars module. It sits two levels below the package root like src/io/, so that
// `new URL('../../calendars/', import.meta.url)` (src/io/resolve-spec.ts) finds the calendars from both.
// Beside it, its source map, which `--debug` reads through Node's own source-map support (bin/cyclesync.js).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { build } from 'esbuild';
import { NODE_BUNDLE } from './bundle-options.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUNDLE_FILE = path.join(ROOT, 'dist', 'bundle', 'cyclesync.js');

/**
 * esbuild's map, to the line: one segment where the original file or line changes, none within it, and no
 * names. A frame of a stack still names its source file and line (the column is the line's first mapped
 * one); its function keeps the bundle's short name, which the file and line find. Column-exact with names, the
 * map would be four times the size and the package over 1.5 MB.
 */
function mapToLines(map) {
  // The sources still used, renumbered in order of first use.
  const sources = [];
  const at = new Map();
  const index = i => at.get(i) ?? at.set(i, sources.push(map.sources[i]) - 1).get(i);
  let previous = '';
  const mappings = decode(map.mappings).map(segments =>
    segments.flatMap(([column, source, line, sourceColumn]) => {
      if (source === undefined) return [];
      const here = `${source}:${line}`;
      if (here === previous) return [];
      previous = here;
      return [[column, index(source), line, sourceColumn]];
    })
  );
  return { ...map, sources, names: [], mappings: encode(mappings) };
}

const { outputFiles } = await build({
  absWorkingDir: ROOT,
  entryPoints: [path.join(ROOT, 'src', 'package.ts')],
  outfile: BUNDLE_FILE,
  ...NODE_BUNDLE,
  sourcemap: 'linked',
  sourcesContent: false,
  write: false,
});
// A clean folder: the package ships all of it.
rmSync(path.dirname(BUNDLE_FILE), { recursive: true, force: true });
mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
for (const { path: file, contents, text } of outputFiles)
  writeFileSync(file, file.endsWith('.map') ? JSON.stringify(mapToLines(JSON.parse(text))) : contents);
console.log(`bundled ${path.relative(ROOT, BUNDLE_FILE)}`);
