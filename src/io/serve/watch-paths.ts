// Watches calendar files and folders for `serve --watch`. Editors save by writing a new file and renaming
// it over the old one, which silently ends a watch on the file itself, so we watch each file's folder and
// filter by name; a folder given as such is watched for any YAML file in it.
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

export interface Watching {
  /** The folders actually watched. */
  folders: string[];
  close: () => void;
}

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

/** Folder → which names in it matter (`undefined`: every YAML file). */
async function foldersToWatch(targets: readonly string[]): Promise<Map<string, Set<string> | undefined>> {
  const folders = new Map<string, Set<string> | undefined>();
  for (const abs of targets) {
    const isDir = await stat(abs).then(
      s => s.isDirectory(),
      () => false
    );
    const dir = isDir ? abs : path.dirname(abs);
    if (isDir) {
      folders.set(dir, undefined);
      continue;
    }
    if (folders.has(dir) && folders.get(dir) === undefined) continue;
    const names = folders.get(dir) ?? new Set<string>();
    names.add(path.basename(abs));
    folders.set(dir, names);
  }
  return folders;
}

/**
 * Calls `onChange` once per burst of changes (after `debounceMs` of quiet). A folder that cannot be
 * watched (removed, no permission) is reported through `onError` and skipped; the others keep working.
 */
export async function watchPaths(
  targets: readonly string[],
  onChange: () => void,
  opts: { debounceMs: number; onError: (message: string) => void }
): Promise<Watching> {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const poke = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, opts.debounceMs);
  };
  const folders = await foldersToWatch(targets);
  for (const [dir, names] of folders) {
    try {
      const w = watch(dir, { persistent: true }, (_event, name) => {
        // Some platforms omit the name; then any change in the folder counts.
        const n = name === null ? undefined : String(name);
        if (n === undefined || (names ? names.has(n) : isYaml(n))) poke();
      });
      w.on('error', e => opts.onError(`cannot watch ${dir}: ${e.message}`));
      watchers.push(w);
    } catch (e) {
      opts.onError(`cannot watch ${dir}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return {
    folders: [...folders.keys()].sort(),
    close: () => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
