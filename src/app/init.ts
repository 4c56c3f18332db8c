// `cyclesync init [DIR]`: scaffolds a planner's repository (init-files.ts says what and why). Refuses to
// overwrite anything: when one target exists, nothing is written.
import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { CycleSyncError } from '../errors.js';
import { pathKind, shownPath } from '../io/resolve-spec.js';
import { writeNewFile } from '../io/write-new-file.js';
import { VERSION } from '../version.js';
import { scaffoldFiles } from './init-files.js';

export interface InitOptions {
  dir: string;
  /**
   * How package.json names cyclesync: a version (default: this one), a tarball or folder (a path, taken from
   * the working folder, or `file:` one) or a git URL (`github:owner/cyclesync#v0.2.0`).
   */
  package?: string | undefined;
}

const exists = (abs: string): Promise<boolean> =>
  lstat(abs).then(
    () => true,
    () => false
  );

/** A tarball or folder on this machine, as opposed to a version, a range or a URL. */
const LOCAL = /^(file:|\.{1,2}\/|\/)|\.tgz$/;

/**
 * The devDependency spec: as given, except a local tarball or folder, which npm reads relative to the
 * package.json that names it; it must exist, and is rewritten as a `file:` path from the scaffold's folder.
 */
function packageSpec(cwd: string, root: string, spec: string | undefined): string {
  if (spec === undefined) return VERSION;
  if (!/^[^\s"'`\\]{1,500}$/.test(spec))
    throw new CycleSyncError({
      code: 'USAGE',
      message: `--package ${JSON.stringify(spec)} is not a package spec npm reads`,
      expected: `a version (${VERSION}), a tarball (./cyclesync-${VERSION}.tgz) or a git URL (github:owner/cyclesync#v${VERSION})`,
    });
  const url = /^[a-z][a-z+]*:/.test(spec) && !spec.startsWith('file:');
  if (url || !LOCAL.test(spec)) return spec;
  const abs = path.resolve(cwd, spec.replace(/^file:/, ''));
  if (pathKind(abs) === undefined)
    throw new CycleSyncError({
      code: 'FILE_NOT_FOUND',
      message: `--package ${spec}: there is no such tarball or folder`,
      at: { file: shownPath(cwd, abs) },
      hint: 'make one with `npm pack` in a clone of cyclesync, or name a version or a git URL',
    });
  return `file:${path.relative(root, abs).split(path.sep).join('/')}`;
}

export async function init(ctx: { cwd: string }, opts: InitOptions): Promise<string> {
  const root = path.resolve(ctx.cwd, opts.dir);
  const spec = packageSpec(ctx.cwd, root, opts.package);
  const targets = scaffoldFiles({ package: spec }).map(f => ({ ...f, abs: path.join(root, ...f.path.split('/')) }));
  const taken = [];
  for (const t of targets) if (await exists(t.abs)) taken.push(shownPath(ctx.cwd, t.abs));
  if (taken.length > 0)
    throw new CycleSyncError({
      code: 'USAGE',
      message: `init would overwrite ${taken.length === 1 ? 'an existing file' : `${taken.length} existing files`}: ${taken.join(', ')}`,
      at: { file: taken[0]! },
      hint: 'nothing was written; move those files away, or run init in an empty folder',
    });
  const written: string[] = [];
  try {
    for (const t of targets) {
      await writeNewFile(t.abs, t.text);
      written.push(t.abs);
    }
  } catch (e) {
    // A file appeared while we wrote: leave the folder as it was.
    await Promise.all(written.map(f => rm(f, { force: true })));
    throw e;
  }
  const shown = shownPath(ctx.cwd, root) || '.';
  return [
    `Created ${targets.length} files in ${shown}:`,
    ...targets.map(t => `  ${t.path}`),
    '',
    'Next:',
    `  cd ${shown}`,
    `  npm install                                       # installs cyclesync ${spec}, writes package-lock.json`,
    '  npx --no-install cyclesync check --calendars calendars',
    '  git add . && git commit -m "cyclesync"            # with package-lock.json: CI runs `npm ci`',
    'To publish the feeds: set the CI variable CYCLESYNC_DOMAIN to a domain you control, and turn on Pages',
    '(GitHub: Settings → Pages → Source: GitHub Actions).',
    'To keep a shared CalDAV calendar in step: set CYCLESYNC_CALDAV_URL, and the secrets CYCLESYNC_CALDAV_USER',
    'and CYCLESYNC_CALDAV_PASSWORD (the job cyclesync-caldav says how).',
    '',
  ].join('\n');
}
