// Every bad input a user can make gets a message naming the file, line, field, what was expected and a hint;
// exit code 2; nothing on stdout; never a stack trace. One fixture folder per mistake: fixtures/invalid/<case>/
// holds args.json (`{dir}` = the folder) and expected-stderr.txt (regenerate with scripts/update-invalid-fixtures.sh).
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ROOT, runCli } from '../helpers/run-cli.js';

const FIXTURES = path.join(ROOT, 'fixtures/invalid');
const cases = readdirSync(FIXTURES).sort();

describe('bad input', () => {
  test('there is a fixture for each mistake the issue lists', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'unknown-option',
        'unknown-cycle',
        'invalid-date',
        'invalid-date-option',
        'unknown-time-zone',
        'duration-typo',
        'unknown-reference',
        'reference-loop',
        'yaml-syntax',
        'duplicate-keys',
        'file-not-found',
        'alias-bomb',
        'proto-key',
        'constructor-key',
        'horizon-too-long',
        'from-after-to',
        // Inputs at the extremes: each was exit 3, a V8 abort, a hang or minutes of work.
        'rule-offset-too-long',
        'shift-too-long',
        'period-too-long',
        'period-zero',
        'every-zero',
        'today-out-of-range',
        'horizon-out-of-range',
        'reference-chain-too-deep',
        'extends-chain-too-long',
        'too-deep',
        'proc-self-mem',
        // Files that are not what they seem.
        'utf16-calendar',
        'latin1-calendar',
        'not-a-calendar',
        'time-zone-case',
        // Text that is not plain: refused with its line before any output can see it.
        'title-terminal-title',
        'title-clear-screen',
        'title-line-break',
        'title-bidi-override',
        'note-block-scalar',
        'source-in-history-c1',
        'rule-description-escape',
        // Messages a planner meets: a "did you mean" for each misspelling, at the line that holds it.
        'misspelt-milestone-key',
        'misspelt-rule-id',
        'rule-kind-typo',
        'extends-builtin-typo',
        'extends-missing-file',
        'roll-typo',
        'period-bare-number',
        'weekday-typo',
        'milestone-kind-typo',
        'basis-typo',
        'confidence-case',
        'severity-typo',
        // Field paths count list entries as the planner's own file writes them.
        'holiday-in-extending-file',
        'instance-in-extending-file',
      ])
    );
  });

  test.each(cases)('%s', name => {
    const dir = `fixtures/invalid/${name}`;
    const args = (JSON.parse(readFileSync(path.join(FIXTURES, name, 'args.json'), 'utf8')) as string[]).map(a =>
      a.replace('{dir}', dir)
    );
    const r = runCli(args);
    expect(r.stderr).toBe(readFileSync(path.join(FIXTURES, name, 'expected-stderr.txt'), 'utf8'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  test('a file over 1 MiB is refused before it is parsed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cyclesync-big-'));
    const file = path.join(dir, 'big.yaml');
    writeFileSync(file, `extends: builtin:ideal\n# ${'x'.repeat(1024 * 1024)}\n`);
    const r = runCli(['plan', '--calendars', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/big\.yaml: error: .*big\.yaml is 1048\d{3} bytes, over the 1 MiB limit/);
    expect(r.stdout).toBe('');
  });

  test('a file of 120,000 keys under 1 MiB is refused at once, not after minutes of duplicate-key checks', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cyclesync-keys-'));
    const file = path.join(dir, 'keys.yaml');
    const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const key = (i: number) => `k${digits[Math.floor(i / 3844)]!}${digits[Math.floor(i / 62) % 62]!}${digits[i % 62]!}`;
    writeFileSync(file, Array.from({ length: 120_000 }, (_, i) => `${key(i)}: 1\n`).join(''));
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
    const r = runCli(['validate', '--calendars', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/keys\.yaml:10001:1: error: the file has over 10000 keys and list items/);
  });

  test('errors in a planner file point at its own line, not the built-in file it extends', () => {
    const r = runCli(['plan', '--calendars', 'fixtures/invalid/invalid-date/calendar.yaml']);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'fixtures/invalid/invalid-date/calendar.yaml:6:9: error: expected a real calendar date (this day or month does not exist)',
      // The file's only history entry, whatever its place among the records merged with the built-in calendar.
      '  field:    milestones.publication.history.0.date',
    ]);
  });
});
