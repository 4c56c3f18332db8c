// `cyclesync report` as a user runs it: the same bytes whatever the machine's time zone and locale, a round
// trip through --format json and --previous, and bad input as exit 2.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'cyclesync-report-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('same bytes under odd TZ and LANG', () => {
  test.each(['html', 'md'])('%s', format => {
    const args = ['report', '--format', format, '--lang', 'es', '--today', '2026-11-29'];
    const base = runCli(args);
    expect({ status: base.status, stderr: base.stderr }).toEqual({ status: 0, stderr: '' });
    expect(base.stdout.length).toBeGreaterThan(1000);
    const envs: Record<string, string>[] = [
      { TZ: 'America/Santiago', LANG: 'C' },
      { TZ: 'Pacific/Kiritimati', LANG: 'pt_BR.UTF-8', LC_ALL: 'pt_BR.UTF-8' },
    ];
    for (const env of envs) {
      const other = runCli(args, { env });
      expect({ status: other.status, stderr: other.stderr }).toEqual({ status: 0, stderr: '' });
      expect(other.stdout).toBe(base.stdout);
    }
  });
});

test('--out writes the file; --format json then --previous shows nothing changed', () => {
  const published = path.join(tmp, 'published.json');
  const first = runCli(['report', '--format', 'json', '--today', '2026-11-29', '--out', published]);
  expect(first.status).toBe(0);
  expect(first.stdout).toBe('');
  expect(first.stderr).toContain('report: wrote');
  const json = JSON.parse(readFileSync(published, 'utf8')) as { report: string; milestones: unknown[] };
  expect(json.report).toBe('cyclesync');
  expect(json.milestones.length).toBeGreaterThan(100);
  const next = runCli(['report', '--format', 'md', '--lang', 'pt', '--today', '2026-11-29', '--previous', published]);
  expect(next.status).toBe(0);
  expect(next.stdout).toContain('## O que mudou desde a publicação anterior');
  expect(next.stdout).toContain('Nenhum marco foi movido, acrescentado ou cancelado.');
});

test('--previous reads the feeds state file: a planned 2030-2033 IDEAL launch shows as moved since the feeds went out', () => {
  const feeds = path.join(tmp, 'feeds');
  const published = runCli(['feeds', '--out', feeds, '--today', '2026-11-29']);
  expect(published.status).toBe(0);
  const state = path.join(feeds, '.cyclesync-state.json');
  const same = runCli(['report', '--format', 'md', '--today', '2026-11-29', '--previous', state]);
  expect(same.stdout).toContain('Nothing moved, was added or was cancelled.');
  const moved = runCli([
    'report',
    '--format',
    'md',
    '--today',
    '2026-11-29',
    '--calendars',
    'fixtures/report/planner/ideal.yaml',
    '--previous',
    state,
  ]);
  expect(moved.status).toBe(0);
  expect(moved.stdout).toContain('4 moved, 0 added, 0 cancelled.');
  expect(moved.stdout).toContain('| IDEAL launched | 2030-2033 | 20 June 2029 | 15 May 2029 (planned) |');
});

test('a previous file that is not a publication is exit 2 with the file named', () => {
  const r = runCli(['report', '--previous', 'fixtures/report/planner/ideal.yaml', '--today', '2026-11-29']);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('--previous fixtures/report/planner/ideal.yaml is not valid JSON');
});
