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
    expect(base.status).toBe(0);
    expect(base.stdout.length).toBeGreaterThan(1000);
    const envs: Record<string, string>[] = [
      { TZ: 'America/Santiago', LANG: 'C' },
      { TZ: 'Pacific/Kiritimati', LANG: 'pt_BR.UTF-8', LC_ALL: 'pt_BR.UTF-8' },
    ];
    for (const env of envs) {
      const other = runCli(args, { env });
      expect(other.status).toBe(0);
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

test('a previous file that is not a publication is exit 2 with the file named', () => {
  const r = runCli(['report', '--previous', 'fixtures/report/planner/ideal.yaml', '--today', '2026-11-29']);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('--previous fixtures/report/planner/ideal.yaml is not JSON');
});
