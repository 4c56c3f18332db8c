// Text that does not come from a calendar (paths given on the command line, option texts) reaches the output as
// the user typed it: it must not write a terminal escape sequence or a GitHub Actions workflow command into
// what plan, explain, check, validate and lint-ics print, on standard output or in an error.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { ROOT, runCli } from '../helpers/run-cli.js';

// A folder name a pull request could commit: a terminal-title sequence, a clear-screen, a bidi override, and a
// workflow command at its start.
const HOSTILE_NAME = '::error::forged\u001b]0;owned\u0007\u001b[2J\u202e';
const root = mkdtempSync(path.join(tmpdir(), 'cyclesync-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dir = path.join(root, HOSTILE_NAME);
mkdirSync(dir);
const calendar = path.join(dir, 'ideal.yaml');
writeFileSync(calendar, 'extends: builtin:ideal\nmilestones:\n  publication:\n    note: kept in the planners’ file\n');
const rules = path.join(dir, 'alignment.yaml');
copyFileSync(path.join(ROOT, 'calendars/alignment.yaml'), rules);
const feed = path.join(dir, '##[add-mask]feed.ics');
writeFileSync(feed, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');

/** Anything a terminal acts on: ESC, BEL, C1 controls, bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex -- the characters that must not get out.
const ACTING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Lines the runner would take for a workflow command (actions/runner ActionCommand.TryParseV2 and TryParse). */
const forged = (text: string): string[] =>
  text.split('\n').filter(l => l.includes('##[') || /^::(?!(error|warning|notice) [^:]*(::|$))/.test(l.trimStart()));

const TODAY = ['--today', '2026-11-29'];

describe('a path with escape sequences and workflow commands in it', () => {
  test.each([
    ['plan', ['plan', '--calendars', calendar, ...TODAY]],
    ['explain', ['explain', 'ideal.publication', '--calendars', calendar, ...TODAY]],
    ['validate', ['validate', '--calendars', calendar, '--rules', rules, ...TODAY]],
    ['check text', ['check', '--calendars', calendar, '--rules', rules, ...TODAY]],
    ['check github', ['check', '--calendars', calendar, '--rules', rules, '--format', 'github', ...TODAY]],
    ['check markdown', ['check', '--calendars', calendar, '--rules', rules, '--format', 'markdown', ...TODAY]],
    ['lint-ics', ['lint-ics', feed]],
    ['a file that is not there', ['plan', '--calendars', path.join(dir, 'missing.yaml'), ...TODAY]],
    ['a folder that is not there', ['check', '--calendars', path.join(dir, 'nope/'), ...TODAY]],
    ['a what-if that is not one', ['check', '--shift', `ideal=+P3W${HOSTILE_NAME}`, ...TODAY]],
    ['an unknown milestone', ['explain', `ideal.${HOSTILE_NAME}`, ...TODAY]],
    ['an unknown option', ['plan', `--${HOSTILE_NAME}`]],
  ])('%s: prints it, escaped', (_, args) => {
    const r = runCli(args, { cwd: root });
    expect(r.status).not.toBe(3);
    const out = r.stdout + r.stderr;
    expect(out).not.toMatch(ACTING);
    expect(forged(r.stdout)).toEqual([]);
    expect(forged(r.stderr)).toEqual([]);
  });

  test('the path is still recognisable where it is named', () => {
    const r = runCli(['check', '--calendars', calendar, '--rules', rules, ...TODAY], { cwd: root });
    expect(r.stdout).toContain('\\x3a:error::forged\\x1b]0;owned\\x07\\x1b[2J\\u202e/ideal.yaml:');
    const missing = runCli(['plan', '--calendars', path.join(dir, 'missing.yaml')], { cwd: root });
    expect(missing.stderr.split('\n')[0]).toBe(
      '\\x3a:error::forged\\x1b]0;owned\\x07\\x1b[2J\\u202e/missing.yaml: error: cannot read ::error::forged\\x1b]0;owned\\x07\\x1b[2J\\u202e/missing.yaml: no such file'
    );
  });
});
