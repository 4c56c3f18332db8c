// The package as npm publishes it: `npm pack` of this checkout (already built by `npm test`, so its scripts
// are skipped; the API's declarations, which only `prepare` makes, on request), installed into an empty folder. The package has no dependencies, so the install runs with
// `--offline`: it needs no network at all, which is what a planner behind a registry mirror gets too.
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run-cli.js';

/** Runs a command, failing with its output when it exits non-zero (unless `allow` lists its status). */
export function run(
  cmd: string,
  args: readonly string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; allow?: number[] }
): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 && !(opts.allow ?? []).includes(r.status ?? -1))
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The tarball `npm pack` makes of this checkout, written into `dir`; its absolute path. `apiTypes`: remake them first. */
export function packTarball(dir: string, opts: { apiTypes?: boolean } = {}): string {
  if (opts.apiTypes) run(process.execPath, ['scripts/build-api-types.js'], { cwd: ROOT });
  const out = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT });
  return path.join(dir, out.stdout.trim().split('\n').pop()!);
}

/** An empty folder `dir` with the tarball installed as a planner's tool would install it. */
export function installTarball(dir: string, tarball: string): string {
  mkdirSync(dir, { recursive: true });
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: dir });
  return dir;
}
