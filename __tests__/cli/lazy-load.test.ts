// What a normal run must not load (scripts/bundle.js, STAND_INS): string-width's Intl.Segmenter, built only
// to lay out help text, and node:assert, needed only when one of yargs's invariants fails. Help itself
// must still work, and does load them, which shows the probe sees them when they are loaded. And a run on
// the built-in calendars, validated at build time, must not load zod (io/validate-chain.ts), while a
// planner's own file does. Into a pipe, the result goes out without process.stdout, whose stream modules
// Node loads on first touch (cli/stdout.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { ROOT, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cyclesync-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function probed(args: string[]) {
  const out = path.join(dir, `probe-${n++}.json`);
  const result = runCli(args, {
    env: { NODE_OPTIONS: `--require ${path.join(ROOT, '__tests__/helpers/load-probe.cjs')}`, LOAD_PROBE_OUT: out },
  });
  const probe = JSON.parse(readFileSync(out, 'utf8')) as {
    segmenters: number;
    dateTimeFormats: number;
    required: string[];
    zod: boolean;
    streams: boolean;
  };
  return { result, probe, assert: probe.required.some(r => r === 'assert' || r === 'node:assert') };
}

describe('a normal run on the built-ins loads no help layout, no node:assert, no zod and no streams', () => {
  test.each([
    [['check', '--today', '2026-11-29']],
    [['plan', '--today', '2026-11-29', '--format', 'json']],
    [['explain', 'socta.publication', '--today', '2026-11-29']],
    [['validate']],
  ])('%j', args => {
    const { result, probe, assert } = probed(args);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toBe('');
    expect({ segmenters: probe.segmenters, assert, zod: probe.zod, streams: probe.streams }).toEqual({
      segmenters: 0,
      assert: false,
      zod: false,
      streams: false,
    });
  });

  test('without --today, the local date is read without starting Intl.DateTimeFormat', () => {
    const { result, probe } = probed(['check']);
    expect([0, 1]).toContain(result.status);
    expect(result.stderr).toBe('');
    expect(probe.dateTimeFormats).toBe(0);
  });

  test('the probe sees an Intl.DateTimeFormat: a zone outside ICU’s own list is checked through one', () => {
    const calendar = path.join(dir, 'ideal.yaml');
    writeFileSync(calendar, 'extends: builtin:ideal\nzone: Asia/Calcutta\n'); // ICU lists it, not Asia/Kolkata
    const { result, probe } = probed(['check', '--today', '2026-11-29', '--calendars', calendar]);
    expect([0, 1]).toContain(result.status);
    expect(probe.dateTimeFormats).toBeGreaterThan(0);
  });

  test("a planner's own calendar is validated, so zod loads", () => {
    const { result, probe } = probed(['validate', '--calendars', 'fixtures/extends/planner']);
    expect(result.status).toBe(0);
    expect(probe.zod).toBe(true);
  });

  test('--help lays out its text, and so creates the segmenter (and prints through process.stdout)', () => {
    const { result, probe } = probed(['check', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--fail-on');
    expect(probe.segmenters).toBeGreaterThan(0);
    expect(probe.streams).toBe(true);
  });

  test('a usage error still reads like one', () => {
    const { result } = probed(['check', '--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown argument: bogus');
  });
});
