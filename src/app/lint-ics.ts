// `cyclesync lint-ics`: reads each feed as bytes (never as text: the linter must see the octets), lints
// it, and renders the findings. Exit 1 when any finding is an error; a file that cannot be read is a
// CycleSyncError (exit 2). Standard input arrives as bytes from the CLI, which owns process.stdin.
import { resolve } from 'node:path';
import { lintIcs } from '../core/ics-lint/index.js';
import type { LintProfile } from '../core/ics-lint/index.js';
import { EXIT } from '../errors.js';
import { readInputBytes } from '../io/read-input.js';
import { renderLintJson } from '../render/lint/json.js';
import type { LintedFile } from '../render/lint/report.js';
import { renderLintText } from '../render/lint/text.js';
import type { AppContext } from './context.js';

/**
 * Larger inputs are refused before they are linted (R40a already fails anything over 1 MB). The linter holds
 * a file's components in memory, about 14 bytes for each byte of feed, so this cap is also its memory bound.
 */
export const MAX_LINT_BYTES = 16 * 1024 * 1024;
export const STDIN_NAME = '<stdin>';

export interface LintIcsOptions {
  /** Paths as the user typed them; `-` is standard input. */
  files: readonly string[];
  format: 'text' | 'json';
  profile: LintProfile;
  color: boolean;
  readStdin: () => Promise<Uint8Array>;
}

export interface LintIcsResult {
  output: string;
  exitCode: 0 | 1;
}

/** A feed's octets: a regular file only, at most MAX_LINT_BYTES (read-input.ts). */
const readFeed = (cwd: string, shown: string): Uint8Array =>
  readInputBytes(resolve(cwd, shown), shown, { maxBytes: MAX_LINT_BYTES, what: 'an iCalendar feed' });

/** A feed to lint: a file path (relative to the working folder), or bytes already in memory under a name. */
export type LintInput = string | { name: string; bytes: Uint8Array };

/** Lints each input in order. `-` names standard input, read once through `readStdin`. */
export async function lintInputs(
  ctx: Pick<AppContext, 'cwd'>,
  inputs: readonly LintInput[],
  opts: { profile: LintProfile; readStdin?: () => Promise<Uint8Array> }
): Promise<LintedFile[]> {
  let stdin: Promise<Uint8Array> | undefined;
  const results: LintedFile[] = [];
  for (const input of inputs) {
    let file: string;
    let bytes: Uint8Array;
    if (typeof input !== 'string') ({ name: file, bytes } = input);
    else if (input === '-' && opts.readStdin) {
      stdin ??= opts.readStdin();
      [file, bytes] = [STDIN_NAME, await stdin];
    } else [file, bytes] = [input, readFeed(ctx.cwd, input)];
    results.push({ file, findings: lintIcs(bytes, { profile: opts.profile }) });
  }
  return results;
}

export async function lintIcsFiles(ctx: Pick<AppContext, 'cwd'>, opts: LintIcsOptions): Promise<LintIcsResult> {
  const results = await lintInputs(ctx, opts.files, opts);
  const failed = results.some(r => r.findings.some(f => f.severity === 'error'));
  return {
    output: opts.format === 'json' ? renderLintJson(results) : renderLintText(results, opts.color),
    exitCode: failed ? EXIT.findings : EXIT.ok,
  };
}
