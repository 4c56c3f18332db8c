#!/usr/bin/env node
// The shipped program: dist/bundle/cyclesync.js, one ES module built from src/ by esbuild with every dependency
// inside, so that the package installs nothing else. `npm run build` runs this after generating the built-in
// calendars module. It sits two levels below the package root like src/io/, so that
// `new URL('../../calendars/', import.meta.url)` (src/io/resolve-spec.ts) finds the calendars from both.
// Beside it, its source map, which `--debug` reads through Node's own source-map support (bin/cyclesync.js).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { build } from 'esbuild';
import { packageFacts } from './package-facts.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUNDLE_FILE = path.join(ROOT, 'dist', 'bundle', 'cyclesync.js');

/**
 * esbuild's map, to the column in the program's own code (src/) and to the line in its dependencies: every
 * frame of a stack still names its file and line, and the map is half the size (a full one would take the
 * package over 1.5 MB). Only the names of src/ are kept, which Node shows for minified functions.
 */
function mapToLinesInDependencies(map) {
  // The sources and names still used, renumbered in order of first use.
  const kept = from => {
    const list = [];
    const at = new Map();
    const index = i => at.get(i) ?? at.set(i, list.push(from[i]) - 1).get(i);
    return { list, index };
  };
  const sources = kept(map.sources);
  const names = kept(map.names);
  let previousLine = '';
  const mappings = decode(map.mappings).map(segments =>
    segments.flatMap(([column, source, line, sourceColumn, name]) => {
      if (source === undefined) return [];
      const dependency = map.sources[source].includes('node_modules/');
      const sourceLine = `${source}:${line}`;
      if (dependency && sourceLine === previousLine) return [];
      previousLine = dependency ? sourceLine : '';
      const mapped = [column, sources.index(source), line, sourceColumn];
      return [name === undefined || dependency ? mapped : [...mapped, names.index(name)]];
    })
  );
  return { ...map, sources: sources.list, names: names.list, mappings: encode(mappings) };
}

const { outputFiles } = await build({
  entryPoints: [path.join(ROOT, 'src', 'cli', 'entry.ts')],
  outfile: BUNDLE_FILE,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // The CommonJS packages inside (yaml) call `require` for Node's built-in modules.
  // (An alias of its own: a bundled module may import createRequire under that name too.)
  banner: {
    js: "import { createRequire as bannerCreateRequire } from 'node:module'; const require = bannerCreateRequire(import.meta.url);",
  },
  // The version and repository of package.json, not the whole file.
  plugins: [packageFacts],
  sourcemap: 'linked',
  sourcesContent: false,
  write: false,
  logLevel: 'warning',
});
// A clean folder: the package ships all of it.
rmSync(path.dirname(BUNDLE_FILE), { recursive: true, force: true });
mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
for (const { path: file, contents, text } of outputFiles)
  writeFileSync(file, file.endsWith('.map') ? JSON.stringify(mapToLinesInDependencies(JSON.parse(text))) : contents);
console.log(`bundled ${path.relative(ROOT, BUNDLE_FILE)}`);
