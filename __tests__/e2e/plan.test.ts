import { spawnSync } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import { BIN, cliEnv, ROOT, runCli } from '../helpers/run-cli.js';

interface PlanJson {
  horizon: { from: string; to: string };
  milestones: {
    id: string;
    instance: string;
    start: string;
    end: string;
    status: string;
    basis: string | null;
    band: { early: number; late: number } | null;
    untested: string[];
    source: string | null;
    url: string | null;
    note: string | null;
    edition: string | null;
    title: string;
  }[];
}

const planJson = (extra: string[] = [], env: Record<string, string> = {}) => {
  const r = runCli(['plan', '--format', 'json', '--today', '2026-11-29', ...extra], { env });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};

describe('cyclesync plan', () => {
  const json = JSON.parse(planJson()) as PlanJson;
  const find = (id: string, instance: string) => json.milestones.find(m => m.id === id && m.instance === instance);

  test('the default horizon is the instance containing today, the one before and the one after', () => {
    expect(json.horizon).toEqual({ from: '2022-01-01', to: '2033-12-31' });
  });

  test('the built-in history shows with its own evidence, and projections follow the rules with their error', () => {
    // A record carries its source and link; the rule's basis is not shown on it.
    expect(find('socta.publication', '2026-2029')).toMatchObject({
      start: '2025-03-18',
      status: 'actual',
      basis: null,
      band: null,
      source: 'Europol press conference, The Hague, 18 March 2025 (eucrim)',
      url: 'https://eucrim.eu/news/eu-socta-2025',
    });
    // SOCTA's pattern missed 2017 by 12 days (early) and 2021 by 27 (late): every projection carries that band.
    expect(find('socta.publication', '2030-2033')).toMatchObject({
      start: '2029-03-20',
      status: 'projected',
      basis: 'pattern',
      band: { early: 12, late: 27 },
      untested: [],
    });
    // IDEAL follows SOCTA by three months; its own rule has one past date to test it against: untested.
    expect(find('ideal.publication', '2030-2033')).toMatchObject({
      start: '2029-06-20',
      status: 'projected',
      basis: 'assumed',
      band: null,
      untested: ['ideal.publication'],
    });
    // SOCTA 2025 has no IDEAL launch on record: that slot is not an event, only what the rule expected.
    expect(find('ideal.publication', '2026-2029')).toMatchObject({ start: '2025-06-18', status: 'unrecorded' });
    expect(find('socta.priorities', '2026-2029')).toMatchObject({ start: '2025-06-13', status: 'actual' });
    expect(find('socta.priorities', '2030-2033')).toMatchObject({ start: '2029-05-29', status: 'projected' });
  });

  test('IDEAL 1.0 (2021-07-13) is actual history, outside the default horizon but inside a wider one', () => {
    const wide = JSON.parse(planJson(['--from', '2021-01-01', '--to', '2021-12-31', '--cycle', 'ideal'])) as PlanJson;
    expect(wide.milestones.find(m => m.id === 'ideal.publication')).toMatchObject({
      start: '2021-07-13',
      instance: '2022-2025',
      status: 'actual',
    });
    expect(wide.milestones.every(m => m.id.startsWith('ideal.'))).toBe(true);
  });

  test('milestones are sorted by start, then id', () => {
    const keys = json.milestones.map(m => `${m.start} ${m.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  test('output is byte-identical whatever the time zone or locale of the machine', () => {
    const base = planJson();
    expect(planJson([], { TZ: 'America/Santiago' })).toBe(base);
    expect(planJson([], { TZ: 'Pacific/Kiritimati' })).toBe(base);
    expect(planJson([], { LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8', TZ: 'Asia/Kathmandu' })).toBe(base);
  });

  test('the table speaks the chosen language and marks status and basis', () => {
    const r = runCli([
      'plan',
      '--today',
      '2026-11-29',
      '--lang',
      'es',
      '--cycle',
      'socta',
      '--from',
      '2025-01-01',
      '--to',
      '2025-12-31',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Hitos del 1 de enero de 2025 al 31 de diciembre de 2025');
    expect(r.stdout).toMatch(/18 mar 2025 13:00 +UE +socta +2026-2029 +Publicación del SOCTA +● real/);
    expect(r.stdout).toMatch(
      /— +UE +socta +2026-2029 +El COSI examina .* — sin registro \(la regla lo esperaba hacia el 15 abr 2025\)/
    );
    expect(r.stdout).not.toContain('\u001b['); // NO_COLOR is set and stdout is not a terminal
  });

  test('csv has a header and one row per milestone', () => {
    const r = runCli([
      'plan',
      '--format',
      'csv',
      '--today',
      '2026-11-29',
      '--cycle',
      'socta',
      '--from',
      '2025-03-01',
      '--to',
      '2025-03-31',
    ]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,cycle,region,instance,year,kind,start,end,precision,time,zone,status,basis,band,untested,confidence,title,edition,announced,source,url,note'
    );
    expect(lines).toContain(
      'socta.publication,socta,eu,2026-2029,,point,2025-03-18,2025-03-18,day,13:00,Europe/Brussels,actual,,,,H,SOCTA published,,false,"Europol press conference, The Hague, 18 March 2025 (eucrim)",https://eucrim.eu/news/eu-socta-2025,'
    );
  });
});

describe('cyclesync explain', () => {
  test('says how a projected date is derived', () => {
    const r = runCli(['explain', 'socta.publication', '--instance', '2030-2033', '--today', '2026-11-29']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        'socta.publication — SOCTA published',
        '',
        '2030-2033: 20 Mar 2029 −12 d/+27 d (projected · pattern rule)',
        '  third Tuesday of March 2029 = 2029-03-20',
        '  a pattern rule: The SOCTAs of 2017, 2021 and 2025 came in March or April of Y−1: the third Tuesday of March fits them',
        '  back-tested on 2017 +12 d, 2021 −27 d, 2025 0 d (rule − actual): mean 13 d, largest 27 d',
        '',
      ].join('\n')
    );
  });

  test('says where a recorded date comes from, and what a slot without record is', () => {
    const r = runCli(['explain', 'ideal.publication', '--today', '2026-11-29']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      [
        '2026-2029: 18 Jun 2025 (no record)',
        '  socta.publication (2025-03-18, actual) + P3M = 2025-06-18',
        '  2025-06-18 is a working day',
        '  no record: no source reports this slot, so no verdict rests on it',
      ].join('\n')
    );
    expect(r.stdout).toContain(
      '2030-2033: 20 Jun 2029 (projected · assumed rule, untested)\n  socta.publication (2029-03-20, projected) + P3M = 2029-06-20'
    );
    expect(r.stdout).toContain('  untested: ideal.publication has fewer than two day-precise past dates');
    const first = runCli(['explain', 'ideal.publication', '--instance', '2022-2025', '--today', '2026-11-29']).stdout;
    expect(first).toContain(
      [
        '2022-2025: 13 Jul 2021 (actual)',
        '  actual date, from Portuguese EU presidency, IDEAL presented at Polícia Judiciária headquarters, Lisbon (confidence M)',
        '  link: https://eu2021.justica.gov.pt/en-gb/News/Crime-threat-assessment-in-Latin-America-presented',
        '  edition 1.0',
        '  note: The month is certain; the day is inferred ("last Tuesday" in the source, and EL PAcCTO news of 15 July 2021).',
      ].join('\n')
    );
  });

  test('names the working-day roll and its reasons', () => {
    const r = runCli(['explain', 'socta.methodology', '--instance', '2030', '--lang', 'pt', '--today', '2026-11-29']);
    expect(r.stdout).toContain('2028-01-15 não é dia útil (fim de semana); passa para o dia útil seguinte, 2028-01-17');
  });
});

describe('cyclesync validate and --help', () => {
  test('validate lists each cycle it checked', () => {
    const r = runCli(['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok {2}socta +15 milestones {2}calendars\/socta\.yaml$/m);
    expect(r.stdout).toMatch(/^ok {2}rules +6 rules +calendars\/alignment\.yaml$/m);
  });

  test('validate checks the alignment rules against the calendars', () => {
    const r = runCli(['validate', '--rules', 'fixtures/alignment/bad-rules/unknown-milestone.yaml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^fixtures\/alignment\/bad-rules\/unknown-milestone\.yaml:4:3: error: rule "ideal-after-nothing" names the unknown milestone "ideal\.launch"/
    );
  });

  test('--help and --version exit 0', () => {
    expect(runCli(['--help']).status).toBe(0);
    expect(runCli(['plan', '--help']).stdout).toContain('--format');
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('cyclesync validate warns about what is valid but misleading', () => {
  test('a history entry not known yet as of today, and a pattern rule without two past dates', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/cyclesync-validate-`);
    writeFileSync(
      `${dir}/ideal.yaml`,
      [
        'extends: builtin:ideal',
        'milestones:',
        '  summit:',
        '    basis: pattern',
        '    history:',
        "      - { year: 2027, date: '2027-03-10', source: written too early }",
        '',
      ].join('\n')
    );
    const r = runCli(['validate', '--calendars', `${dir}/ideal.yaml`, '--today', '2020-06-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'warning: ideal.summit 2027-03-10 is in history but not known yet as of 2020-06-01, so it is ignored'
    );
    expect(r.stdout).toContain('hint:     move it under `planned:`');
    expect(r.stdout).toContain('warning: ideal.summit is a `pattern` rule with 0 day-precise past date(s) to back it');
  });
});

/**
 * cyclesync run in a pseudo-terminal of `columns` columns (util-linux `script`), as a planner's terminal runs it:
 * standard output is a terminal, so the table is laid out for its width.
 */
function inTerminal(columns: number, args: readonly string[]): string {
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const command = `stty cols ${columns}; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: ROOT,
    env: cliEnv(),
    encoding: 'utf8',
    input: '',
  });
  expect(r.status).toBe(0);
  return r.stdout.replace(/\r\n/g, '\n');
}

const words = (text: string): string[] =>
  text
    .split(/\s+/)
    .filter(w => w !== '')
    .sort();

describe('plan on a terminal', () => {
  test.each(['en', 'es', 'pt'])('%s: 100 columns wide, the titles and statuses wrap and no line is wider', lang => {
    const args = ['plan', '--today', '2026-11-29', '--lang', lang];
    const narrow = inTerminal(100, args);
    const lines = narrow.split('\n');
    expect(Math.max(...lines.map(l => [...l].length))).toBeLessThanOrEqual(100);
    // Only where the words break changes: every word of the piped table is there, none cut.
    const piped = runCli(args).stdout;
    expect(Math.max(...piped.split('\n').map(l => [...l].length))).toBeGreaterThan(100);
    expect(words(narrow)).toEqual(words(piped));
    expect(lines.length).toBeGreaterThan(piped.split('\n').length);
  });

  test('with room for the whole table, the terminal shows what a pipe gets, byte for byte', () => {
    const args = ['plan', '--today', '2026-11-29', '--lang', 'pt'];
    expect(inTerminal(400, args)).toBe(runCli(args).stdout);
  });
});
