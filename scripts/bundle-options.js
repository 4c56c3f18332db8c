// What the package's bundle (bundle.js) and the GitHub Action's (build-action.js) share: one minified ES module
// for Node 20 with every dependency inside, and the two facts of package.json they need.
import { packageFacts } from './package-facts.js';

/** @type {import('esbuild').BuildOptions} */
export const NODE_BUNDLE = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // The CommonJS packages inside (yaml) call `require` for Node's built-in modules, which an ES module lacks.
  // (An alias of its own: a bundled module may import createRequire under that name too.)
  banner: {
    js: "import { createRequire as bannerCreateRequire } from 'node:module'; const require = bannerCreateRequire(import.meta.url);",
  },
  // The version and repository of package.json, not the whole file.
  plugins: [packageFacts],
  logLevel: 'warning',
};
