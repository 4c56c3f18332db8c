// An esbuild plugin: src/version.ts imports package.json for two facts, the version and the repository, and a
// bundle gets only those. The whole file would carry every dev dependency and script into the bundle, and
// make the committed action bundle stale at each unrelated change to package.json.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));
const escaped = PACKAGE_JSON.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const packageFacts = {
  name: 'package-facts',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onLoad({ filter: new RegExp(`^${escaped}$`) }, async args => {
      const { version, repository } = JSON.parse(await readFile(args.path, 'utf8'));
      return { contents: JSON.stringify({ version, repository }), loader: 'json', resolveDir: path.dirname(args.path) };
    });
  },
};
