// The GitHub Action as a runner runs it: the committed bundle (action.yml's `main`) under node, with the
// INPUT_* variables the runner sets from `with:`, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, in a planner's
// repository. Also: the committed bundle is what the build makes of the sources today, and action.yml
// declares exactly the inputs the program reads and the outputs it writes.
import { afterAll, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
// @ts-expect-error: a plain JavaScript build script, without declarations
import { ACTION_FILE, actionBundle } from '../../scripts/build-action.js';
import { ROOT } from '../helpers/run-cli.js';

jest.setTimeout(60_000);

const work = mkdtempSync(path.join(tmpdir(), 'cyclesync-action-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const metadata = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

/** Runs the action as the runner does: every input set (its default unless given), cwd the workspace. */
function runAction(workspace: string, inputs: Record<string, string>, name: string) {
  const output = path.join(work, `${name}.output`);
  const summary = path.join(work, `${name}.summary.md`);
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [input, spec] of Object.entries(metadata.inputs))
    env[`INPUT_${input.toUpperCase()}`] = inputs[input] ?? spec.default;
  writeFileSync(output, '');
  const r = spawnSync(process.execPath, [path.join(ROOT, metadata.runs.main)], {
    cwd: workspace,
    env,
    encoding: 'utf8',
  });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
  );
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs,
    summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '',
  };
}

const TODAY = '2026-11-29';

describe('the action', () => {
  test('on a misaligned planner calendar: error annotations on its lines, SARIF, outputs, exit 1', () => {
    const sarif = path.join(work, 'cyclesync.sarif');
    const r = runAction(path.join(ROOT, 'fixtures', 'alignment', 'late-ideal'), { today: TODAY, sarif }, 'late');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^✗ Not aligned/);
    expect(r.stdout).toMatch(
      /^::error file=calendars\/ideal\.yaml,line=9,title=ideal-follows-socta \(clause 20%2C 2030-2033\)::/m
    );
    expect(r.outputs).toEqual({ verdict: 'misaligned', errors: '1', warnings: '4', history: '3' });
    const results = (JSON.parse(readFileSync(sarif, 'utf8')) as { runs: { results: { ruleId: string }[] }[] }).runs[0]!
      .results;
    expect(results.map(x => x.ruleId)).toContain('ideal-follows-socta');
    expect(r.summary).toMatch(/ideal-follows-socta/);
  });

  test('on an aligned one: no error annotation, outputs, exit 0; another format on request', () => {
    // A planner's repository as `cyclesync init` starts it: calendars that extend the built-ins.
    const repo = path.join(work, 'aligned');
    mkdirSync(path.join(repo, 'calendars'), { recursive: true });
    for (const cycle of ['socta', 'ideal', 'joint'])
      writeFileSync(path.join(repo, 'calendars', `${cycle}.yaml`), `extends: builtin:${cycle}\n`);
    const r = runAction(repo, { today: TODAY }, 'aligned');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^✓ Aligned/);
    expect(r.stdout).not.toMatch(/^::error/m);
    expect(r.outputs).toEqual({ verdict: 'aligned', errors: '0', warnings: '2', history: '3' });
    const junit = runAction(repo, { today: TODAY, format: 'junit' }, 'junit');
    expect([junit.status, junit.stdout.startsWith('<?xml')]).toEqual([0, true]);
  });

  test('on a broken file: an error annotation at its line, verdict error, exit 2', () => {
    const broken = path.join(ROOT, 'fixtures', 'invalid', 'duration-typo');
    const r = runAction(broken, { calendars: 'calendar.yaml', today: TODAY }, 'broken');
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(
      /^::error file=calendar\.yaml,line=4,col=32,title=cyclesync::expected an ISO 8601 duration/m
    );
    expect(r.stderr).toMatch(/^calendar\.yaml:4:32: error: /);
    expect(r.outputs).toEqual({ verdict: 'error' });
    const badInput = runAction(ROOT, { 'fail-on': 'fatal' }, 'bad-input');
    expect([badInput.status, badInput.stderr]).toEqual([
      2,
      expect.stringMatching(/input fail-on: "fatal" is not accepted/),
    ]);
  });
});

describe('action.yml and its committed bundle', () => {
  test('runs on the runners’ current Node (node24) the committed bundle, which is what the sources build today', async () => {
    expect(metadata.runs).toEqual({ using: 'node24', main: 'action/lib/main.mjs' });
    expect(path.join(ROOT, metadata.runs.main)).toBe(ACTION_FILE);
    const fresh = Buffer.from((await actionBundle()) as Uint8Array);
    // Stale: run `npm run build:action` and commit action/lib/main.mjs.
    expect(fresh.equals(readFileSync(ACTION_FILE))).toBe(true);
  });

  test('declares the inputs the program reads and the outputs it writes', () => {
    const source = readFileSync(path.join(ROOT, 'src', 'action', 'inputs.ts'), 'utf8');
    const read = [...source.matchAll(/\b(?:input|choice|day)\(env, '([a-z-]+)'/g)].map(m => m[1]).sort();
    expect(Object.keys(metadata.inputs).sort()).toEqual(read);
    expect(Object.keys(metadata.outputs).sort()).toEqual(['errors', 'history', 'verdict', 'warnings']);
  });
});
