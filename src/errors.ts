/**
 * The one error type of cyclesync. Everything a user can get wrong (a bad file, a bad option) is a
 * CycleSyncError with exit code 2; anything else reaching the CLI's error boundary is a bug (exit 3).
 * Failed alignment checks are results, not errors (exit 1 is set by `check` from its findings).
 */
import { escapeTerminalLines } from './plain-text.js';

export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const;

/** Every error code, for programs that handle errors by kind (the programmatic API exports it). */
export const ERROR_CODES = [
  'USAGE',
  'FILE_NOT_FOUND',
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'YAML_SYNTAX',
  'SCHEMA',
  'REFERENCE',
  'REFERENCE_LOOP',
  'HORIZON',
  'DATE_RANGE',
  'WRITE_FAILED',
  'LOCKED',
  'FEED_INVALID',
  'CALDAV',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where in an input file a problem sits (1-based line and column). */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface CycleSyncErrorInit {
  code: ErrorCode;
  /** What is wrong, in one sentence. */
  message: string;
  /** Where: file, line, column. */
  at?: SourceLocation;
  /** The field path inside the file, e.g. `milestones.publication.rule.offset`. */
  path?: string;
  /** What would have been accepted. */
  expected?: string;
  /** How to fix it. */
  hint?: string;
  /** Further problems found in the same input, one line each. */
  more?: string[];
  exitCode?: number;
  cause?: unknown;
}

export class CycleSyncError extends Error {
  readonly code: ErrorCode;
  readonly at: SourceLocation | undefined;
  readonly path: string | undefined;
  readonly expected: string | undefined;
  readonly hint: string | undefined;
  readonly more: string[];
  readonly exitCode: number;

  constructor(init: CycleSyncErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'CycleSyncError';
    this.code = init.code;
    this.at = init.at;
    this.path = init.path;
    this.expected = init.expected;
    this.hint = init.hint;
    this.more = init.more ?? [];
    this.exitCode = init.exitCode ?? EXIT.badInput;
  }
}

/** The same error with some of its parts changed (an error is immutable), the original as its cause. */
export const revise = (e: CycleSyncError, change: Partial<Omit<CycleSyncErrorInit, 'cause'>>): CycleSyncError =>
  new CycleSyncError({
    code: e.code,
    message: e.message,
    at: e.at,
    path: e.path,
    expected: e.expected,
    hint: e.hint,
    more: e.more,
    exitCode: e.exitCode,
    ...change,
    cause: e,
  });

export const isCycleSyncError = (e: unknown): e is CycleSyncError => e instanceof CycleSyncError;

export const formatLocation = (at: SourceLocation): string =>
  [at.file, at.line, at.column].filter(v => v !== undefined).join(':');

/**
 * Formats an error like a compiler: `file:line:col: error: message` then the field path, what was
 * expected and a hint, each on its own line. Messages quote paths and option texts as the user gave them, so
 * every line is escaped for the terminal or CI log it is printed to (yargs' usage messages hold line breaks).
 */
export function formatError(e: CycleSyncError): string {
  const where = e.at ? `${formatLocation(e.at)}: ` : '';
  const lines = [`${where}error: ${e.message}`];
  if (e.path) lines.push(`  field:    ${e.path}`);
  if (e.expected) lines.push(`  expected: ${e.expected}`);
  if (e.hint) lines.push(`  hint:     ${e.hint}`);
  for (const m of e.more) lines.push(`  also:     ${m}`);
  return escapeTerminalLines(lines.join('\n'));
}
