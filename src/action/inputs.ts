// The GitHub Action's inputs, as the runner hands them over: `INPUT_<NAME>` environment variables (the name
// upper-cased, spaces as underscores, hyphens kept), empty when not set. Each becomes a typed value here, once;
// a bad value is a usage error naming the input.
import type { Temporal } from 'temporal-polyfill';
import { plainDay } from '../app/today.js';
import { CycleSyncError } from '../errors.js';
import { FINDINGS_FORMATS } from '../render/findings/types.js';
import type { FindingsFormat } from '../render/findings/types.js';

export interface ActionInputs {
  calendars: string[];
  rules: string | undefined;
  failOn: 'error' | 'warning';
  instances: string[];
  format: FindingsFormat;
  /** A path to also write SARIF to. */
  sarif: string | undefined;
  /** As the CLI's --today; undefined: the runner's date. */
  today: Temporal.PlainDate | undefined;
}

const input = (env: NodeJS.ProcessEnv, name: string): string =>
  (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();

/** One value per line or between commas, blanks dropped: how a workflow writes a list. */
const list = (value: string): string[] =>
  value
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(s => s !== '');

function day(env: NodeJS.ProcessEnv, name: string): Temporal.PlainDate | undefined {
  const value = input(env, name);
  if (value === '') return undefined;
  return plainDay(value) ?? refuse(name, value, 'a real calendar day as YYYY-MM-DD, e.g. 2026-11-29');
}

function choice<T extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly T[], fallback: T): T {
  const value = input(env, name);
  if (value === '') return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  return refuse(name, value, choices.join(', '));
}

function refuse(name: string, value: string, expected: string): never {
  throw new CycleSyncError({
    code: 'USAGE',
    message: `input ${name}: ${JSON.stringify(value)} is not accepted`,
    expected,
    hint: `fix \`${name}:\` under \`with:\` in the workflow`,
  });
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  return {
    calendars: list(input(env, 'calendars')),
    rules: input(env, 'rules') || undefined,
    failOn: choice(env, 'fail-on', ['error', 'warning'], 'error'),
    instances: list(input(env, 'instance')),
    format: choice(env, 'format', FINDINGS_FORMATS, 'github'),
    sarif: input(env, 'sarif') || undefined,
    today: day(env, 'today'),
  };
}
