// `cyclesync check` as a user runs it: exit codes (0 aligned, 1 a plan finding at or above --fail-on,
// 2 bad input), what-ifs that break and mend the plan, languages, and byte-stable output.
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

const check = (args: string[], env: Record<string, string> = {}) =>
  runCli(['check', '--today', '2026-11-29', ...args], { env });

interface CheckJson {
  ok: boolean;
  findings: {
    rule: string;
    instance: string;
    status: string;
    state: string;
    severity: string;
    slack_days: number | null;
  }[];
  suggestions: {
    instance: string;
    shift_days: number | null;
    what_if: string | null;
    edit: { milestone: string; instance: string; from: string; to: string; file: string; line: number } | null;
  }[];
}
const json = (args: string[]) => {
  const r = check([...args, '--format', 'json']);
  return { status: r.status, doc: JSON.parse(r.stdout) as CheckJson, stderr: r.stderr };
};

describe('cyclesync check', () => {
  test('the built-in model is aligned: exit 0, with the 2026-2029 overdue history finding shown', () => {
    const r = check([]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [verdict, summary] = r.stdout.split('\n');
    expect(verdict).toBe('✓ Aligned: no plan finding at or above error');
    expect(summary).toBe('Plan ahead: 0 error(s), 2 warning(s). History: 3 finding(s). No record to judge by: 2.');
    expect(r.stdout).toContain(
      '  ✗ error · ideal-follows-socta · clause 20 · history · overdue — no record\n' +
        // Milestones named by title, with the id that finds them in the files.
        '    IDEAL launched (ideal.publication): none on record or planned from SOCTA published (socta.publication) on 18 Mar 2025 to 18 Sept 2025, the window the rule allows (2026-2029)\n' +
        '    dates to confirm: ideal.publication 2026-2029 (~18 Jun 2025)\n'
    );
    expect(r.stdout).not.toContain('370 days');
  });

  test('history fails the check with --include-history; warnings with --fail-on warning', () => {
    expect(check(['--include-history']).status).toBe(1);
    expect(check(['--fail-on', 'warning']).status).toBe(1);
  });

  test('an IDEAL calendar on three-year cycles: exit 1, same-cycle-length, and the drift', () => {
    const r = check(['--calendars', 'fixtures/alignment/ideal-p3y/calendars']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✗ error · same-cycle-length · clause 20 · plan · violated · slack −365 days');
    expect(r.stdout).toContain(
      'ideal (3-year cycles) drifts against socta (4-year cycles) by -1 years per cycle; it first breaks ideal-follows-socta in 2030-2033'
    );
  });

  test('a what-if that breaks the plan: IDEAL six months later', () => {
    const { status, doc } = json(['--shift', 'ideal.publication=+P6M']);
    expect(status).toBe(1);
    expect(doc.ok).toBe(false);
    const plan = doc.findings.filter(f => f.status === 'plan' && f.state === 'violated');
    expect(plan.filter(f => f.severity === 'error').map(f => f.rule)).toEqual(['ideal-follows-socta']);
    // Clause 22 is a call: joint operations too soon after the assessments is a warning.
    expect(plan.filter(f => f.rule === 'assessments-before-joint-operations').map(f => f.severity)).toEqual([
      'warning',
    ]);
  });

  test('a what-if that mends it: the suggested shift applied to a late IDEAL', () => {
    const late = ['--calendars', 'fixtures/alignment/late-ideal/calendars'];
    const before = json(late);
    expect(before.status).toBe(1);
    expect(before.doc.suggestions).toEqual([
      expect.objectContaining({ instance: '2030-2033', shift_days: -72, what_if: '--shift ideal@2030-2033=-P72D' }),
    ]);
    // First the edit a planner makes: the window for the planned launch, and the line to write it on.
    expect(before.doc.suggestions[0]!.edit).toMatchObject({
      milestone: 'ideal.publication',
      instance: '2030-2033',
      from: '2029-03-20',
      to: '2029-09-20',
      file: 'fixtures/alignment/late-ideal/calendars/ideal.yaml',
      line: 7,
    });
    expect(check(late).stdout).toContain(
      '2030-2033: plan IDEAL launched (ideal.publication) of 2030-2033 between 20 Mar 2029 and 20 Sept 2029 (fixtures/alignment/late-ideal/calendars/ideal.yaml:7)'
    );
    const after = json([...late, '--shift', 'ideal@2030-2033=-P72D']);
    expect(after.status).toBe(0);
    expect(after.doc.ok).toBe(true);
    // One day less is not enough: the suggestion is the smallest shift.
    expect(json([...late, '--shift', 'ideal@2030-2033=-P71D']).status).toBe(1);
  });

  test('bad input exits 2 with a message on stderr', () => {
    const r = check(['--shift', 'ideal=soon']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: --shift "ideal=soon" is not a what-if I understand');
    expect(check(['--format', 'yaml']).status).toBe(2);
    expect(check(['--rules', 'fixtures/alignment/bad-rules/typo.yaml']).stderr).toContain(
      'fixtures/alignment/bad-rules/typo.yaml:6:5: error: unknown key "severerity"'
    );
  });

  test('Spanish and Portuguese', () => {
    const es = check(['--lang', 'es']).stdout;
    expect(es.split('\n')[0]).toBe('✓ Alineados: ningún hallazgo del plan de nivel error o superior');
    expect(es).toContain(
      'Presentación del IDEAL (ideal.publication): ninguna registrada o planificada entre Publicación del SOCTA (socta.publication), el 18 mar 2025, y el 18 sept 2025'
    );
    const pt = check(['--lang', 'pt']).stdout;
    expect(pt).toContain(
      'Apresentação do IDEAL (ideal.publication): nenhuma registada ou planeada entre Publicação do SOCTA (socta.publication), em 18/03/2025, e 18/09/2025'
    );
    const late = check(['--lang', 'pt', '--shift', 'ideal=+P9M']).stdout;
    expect(late).toContain('✗ erro · ideal-follows-socta · cláusula 20 · plano · violada · margem −181 dias');
    expect(check(['--lang', 'es', '--shift', 'ideal=+P9M']).stdout).toContain(
      '✗ error · ideal-follows-socta · cláusula 20 · plan · incumplida · margen −181 días'
    );
  });

  test('the same bytes whatever TZ and LANG', () => {
    for (const format of ['text', 'json', 'junit', 'sarif']) {
      const a = check(['--format', format], { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' }).stdout;
      const b = check(['--format', format], { TZ: 'America/Santiago', LANG: 'C' }).stdout;
      expect(a).toBe(b);
    }
  });
});
