// mapBundleFrames against a small bundle built here with its source map: each frame in the bundle reads as
// its source line; other frames, and positions the map does not cover, stay as they are.
import Module, { SourceMap } from 'node:module';
import type { SourceMapPayload } from 'node:module';
import { describe, expect, test } from '@jest/globals';
import { buildSync } from 'esbuild';
import { mapBundleFrames } from '../../src/cli/readable-stack.js';

const SOURCE = [
  'export function boom(x: number): number {',
  "  if (x > 1) throw new Error('boom');",
  '  return x;',
  '}',
].join('\n');

function bundled() {
  const { outputFiles } = buildSync({
    // Named as the real bundle's map names its sources: relative to the bundle's folder, dist/bundle/.
    stdin: { contents: SOURCE, sourcefile: '../../src/boom.ts', loader: 'ts' },
    bundle: true,
    format: 'cjs',
    minifyWhitespace: true,
    sourcemap: 'external',
    sourcesContent: false,
    outfile: '/pkg/dist/bundle/out.cjs',
    write: false,
  });
  const code = outputFiles.find(f => f.path.endsWith('.cjs'))!.text;
  const map = new SourceMap(JSON.parse(outputFiles.find(f => f.path.endsWith('.map'))!.text) as SourceMapPayload);
  return { code, map };
}

describe('mapBundleFrames', () => {
  const { code, map } = bundled();
  // As bin/cyclesync.cjs runs it: wrapped like a CommonJS module, which shifts the first line's columns.
  const lines = Module.wrap(code).split('\n');
  const lineNo = lines.findIndex(l => l.includes('throw new Error'));
  const column = lines[lineNo]!.indexOf('throw new Error') + 1;
  const frame = `/pkg/dist/bundle/out.cjs:${lineNo + 1}:${column}`;

  test('a frame in the bundle becomes the source file and line, relative to the package', () => {
    const stack = `Error: boom\n    at boom (${frame})\n    at node:internal/main:1:2`;
    expect(mapBundleFrames(stack, '/pkg/dist/bundle/out.cjs', map, '/pkg')).toBe(
      'Error: boom\n    at boom (src/boom.ts:2:14)\n    at node:internal/main:1:2'
    );
  });

  test('another file, and a position before any mapping, are left alone', () => {
    const stack = `at a (/pkg/other.cjs:${lineNo + 1}:${column})\nat b (/pkg/dist/bundle/out.cjs:1:1)`;
    expect(mapBundleFrames(stack, '/pkg/dist/bundle/out.cjs', map, '/pkg')).toBe(stack);
  });
});
