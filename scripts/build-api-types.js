#!/usr/bin/env node
// The programmatic API's declarations: dist/bundle/api.d.ts, one file that needs no other package's types.
// rollup-plugin-dts has TypeScript declare src/api/index.ts and keeps only what its exports reach. That means
// type-checking most of src/ (several seconds), so it runs in `prepare` (npm ci, npm pack, npm publish, and an
// install from a git URL), not in every `npm run build`; the package tests run it too.
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const API_TYPES = path.join(ROOT, 'dist', 'bundle', 'api.d.ts');

export async function buildApiTypes() {
  const bundle = await rollup({
    input: path.join(ROOT, 'src', 'api', 'index.ts'),
    plugins: [dts({ tsconfig: path.join(ROOT, 'tsconfig.json') })],
    onwarn: warning => {
      // Declarations the API does not reach may import other packages' types: they are left out, as they should.
      if (warning.code !== 'UNUSED_EXTERNAL_IMPORT') throw new Error(`api.d.ts: ${warning.message}`);
    },
  });
  const { output } = await bundle.generate({ format: 'es' });
  const code = output.map(chunk => (chunk.type === 'chunk' ? chunk.code : '')).join('');
  // A type the API reaches in another package (zod, Temporal) would stay an import that an installed package,
  // which has no dependencies, cannot resolve: the API's types must be plain.
  const foreign = /^import .* from '([^']+)';$/m.exec(code);
  if (foreign) throw new Error(`api.d.ts would import ${foreign[1]}: ${foreign[0]}`);
  // Through a rename: the package tests, run in parallel, each make it before packing.
  const temp = `${API_TYPES}.${process.pid}.tmp`;
  writeFileSync(temp, code);
  renameSync(temp, API_TYPES);
  return API_TYPES;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`built ${path.relative(ROOT, await buildApiTypes())}`);
}
