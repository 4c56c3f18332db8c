// `--debug` shows an internal error's stack. The installed command runs one bundle (bin/cyclesync.cjs), so
// its frames read `cyclesync.cjs:2:123456`, which tells a maintainer nothing. scripts/bundle.js writes the
// bundle's source map next to it (back to src/*.ts through tsc's maps); this rewrites each bundle frame to
// the source file and line, decoded by Node's own SourceMap. Only the error path reads the map.
import { readFileSync } from 'node:fs';
import Module, { SourceMap } from 'node:module';
import type { SourceMapPayload, SourceMapping } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What bin/cyclesync.cjs puts before the bundle's first line (Module.wrap), which shifts its columns. */
const WRAP_PREFIX = Module.wrap('\u0000').split('\u0000')[0] ?? '';

/**
 * `stack` with every `bundle:line:column` rewritten to the source position `map` gives, as a path relative to
 * `root`; frames the map does not cover are left as they are.
 */
export function mapBundleFrames(stack: string, bundle: string, map: SourceMap, root: string): string {
  const escaped = bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return stack.replace(new RegExp(`${escaped}:(\\d+):(\\d+)`, 'g'), (frame, lineText: string, colText: string) => {
    const line = Number(lineText);
    const column = Number(colText) - (line === 1 ? WRAP_PREFIX.length : 0);
    // Stack positions count from 1, the map's from 0.
    const entry = map.findEntry(line - 1, column - 1) as Partial<SourceMapping>;
    if (!entry.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined) return frame;
    const original = entry.originalSource;
    const source = original.startsWith('file:')
      ? fileURLToPath(original)
      : path.resolve(path.dirname(bundle), original);
    return `${path.relative(root, source)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

/**
 * The stack to show: mapped to the sources when this code runs from the bundle and its map is there. (Run
 * from tsc's output, the map beside this file is tsc's own, for this file alone; other frames stay as they
 * are, and they already name dist/*.js files.)
 */
export function readableStack(stack: string): string {
  try {
    const bundle = fileURLToPath(import.meta.url);
    const map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as SourceMapPayload);
    return mapBundleFrames(stack, bundle, map, path.resolve(path.dirname(bundle), '..', '..'));
  } catch {
    return stack; // no map beside this file, or an unreadable one: the stack as it is
  }
}
