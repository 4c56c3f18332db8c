// `cyclesync lint-ics` as a user runs it: exit codes 0/1/2, standard input, both output formats.
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const VALID = 'fixtures/ics-lint/valid/all-day.ics';
const R15 = 'fixtures/ics-lint/invalid/R15-all-day-dtend-equals-dtstart.ics';
const WARNING_ONLY = 'fixtures/ics-lint/invalid/R42-calendar-name-line-break.ics';
const PUBLISH = 'fixtures/ics-lint/valid/itip-publish.publish.ics';

describe('cyclesync lint-ics', () => {
  test('exit 0 and a one-line summary for a clean feed', () => {
    const r = runCli(['lint-ics', VALID]);
    expect(r.stdout).toBe('no problems in 1 file\n');
    expect(r.status).toBe(0);
  });

  test('exit 1 with compiler-style lines for an error', () => {
    const r = runCli(['lint-ics', R15, VALID]);
    expect(r.stdout).toBe(
      `${R15}:13: error R15 all-day DTEND must be after DTSTART; it is exclusive, so a one-day event ends the ` +
        'next day (RFC 5545 §3.8.2.2)\n1 error and 0 warnings in 2 files\n'
    );
    expect(r.status).toBe(1);
  });

  test('exit 0 when there are only warnings', () => {
    const r = runCli(['lint-ics', WARNING_ONLY]);
    expect(r.stdout).toMatch(/:6: warning R42 /);
    expect(r.status).toBe(0);
  });

  test('exit 2 when a file cannot be read, with the file named', () => {
    const missing = runCli(['lint-ics', VALID, 'no-such-feed.ics']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read no-such-feed\.ics: no such file/);
    const folder = runCli(['lint-ics', 'fixtures/ics-lint']);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/fixtures\/ics-lint is a folder, not a regular file/);
  });

  test('a 63 MB feed is refused before it is linted (memory stays bounded), from a file or standard input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cyclesync-lint-big-'));
    try {
      const big = path.join(dir, 'big.ics');
      writeFileSync(big, '');
      truncateSync(big, 63 * 1024 * 1024); // sparse: 63 MB that take no room
      const file = runCli(['lint-ics', big]);
      expect(file.status).toBe(2);
      expect(file.stderr).toContain('big.ics is 66060288 bytes, over the 16 MiB limit for an iCalendar feed');
      const stdin = runCli(['lint-ics', '-'], { input: 'BEGIN:VCALENDAR\r\n'.repeat(1_100_000) });
      expect(stdin.status).toBe(2);
      expect(stdin.stderr).toContain('standard input is over 16777216 bytes');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('exit 2 for a usage error', () => {
    expect(runCli(['lint-ics']).status).toBe(2);
    expect(runCli(['lint-ics', VALID, '--format', 'xml']).status).toBe(2);
    const unknown = runCli(['lint-ics', VALID, '--frmat', 'json']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --frmat/);
  });

  test('- reads standard input, in argument order, as JSON', () => {
    const r = runCli(['lint-ics', VALID, '-', '--format', 'json'], { input: readFileSync(R15, 'utf8') });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      files: [
        { file: VALID, findings: [] },
        {
          file: '<stdin>',
          findings: [
            {
              rule: 'R15',
              severity: 'error',
              line: 13,
              message: 'all-day DTEND must be after DTSTART; it is exclusive, so a one-day event ends the next day',
            },
          ],
        },
      ],
    });
  });

  test('--profile publish accepts an iTIP feed that the default snapshot profile rejects', () => {
    expect(runCli(['lint-ics', PUBLISH, '--profile', 'publish']).status).toBe(0);
    const snapshot = runCli(['lint-ics', PUBLISH, '--format', 'json']);
    expect(snapshot.status).toBe(1);
    const rules = JSON.parse(snapshot.stdout).files[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(['R24', 'R20a']);
  });
});
