// The Markdown report always fits a pull-request comment: optional sections give way by priority (and are
// named), and if the required ones alone overflow, the text is cut at a line with a note.
import { describe, expect, test } from '@jest/globals';
import type { ReportCheck, ReportEvaluation } from '../../../src/render/report/check-view.js';
import { escapeMarkdown } from '../../../src/render/escape.js';
import { MARKDOWN_LIMIT, renderReportMarkdown } from '../../../src/render/report/markdown.js';
import { buildReportView } from '../../../src/render/report/model.js';
import type { Lang } from '../../../src/schema/primitives.js';
import { builtinOccurrences, OVERDUE_CHECK, TODAY } from './report-input.js';

function checkWith(count: number, messageLength: number): ReportCheck {
  const base = OVERDUE_CHECK.evaluations[0]!;
  const evaluations: ReportEvaluation[] = Array.from({ length: count }, (_, i) => ({
    ...base,
    instance: `${2026 + 4 * i}-${2029 + 4 * i}`,
    message: `finding ${i} `.padEnd(messageLength, 'x'),
  }));
  return { ...OVERDUE_CHECK, evaluations };
}

/** The Markdown report of the built-in calendars on TODAY with this check, nothing to compare against. */
async function markdownFor(lang: Lang, check: ReportCheck): Promise<string> {
  const { horizon, occurrences } = await builtinOccurrences();
  return renderReportMarkdown(buildReportView({ lang, today: TODAY, horizon, occurrences, check, changes: undefined }));
}

describe('renderReportMarkdown', () => {
  test('puts the verdict first, then the rules: clause quoted, its reading apart, the state per instance', async () => {
    const md = await markdownFor('en', OVERDUE_CHECK);
    const headings = [...md.matchAll(/^## (.+)$/gm)].map(m => m[1]);
    expect(headings.slice(0, 2)).toEqual(['Verdict', 'Rules and the clauses they enforce']);
    expect(md).toContain('**History: not aligned (1 error).**');
    expect(md).toContain('> **Clause 20:** “we undertake to coordinate the timing of the launch');
    expect(md).toContain(
      '\n**How this rule reads the clause:** SOCTA is the reference; six months is our tolerance.\n'
    );
    // No IDEAL launch on record within six months of SOCTA 2025: overdue, not a gap of days.
    expect(md).toContain(
      '| 2026-2029 | history | **⌛ overdue — no record** | — | — | — | ideal.publication: none on record or planned between'
    );
    expect(md).toContain('<br>dates to confirm: ideal.publication 2026-2029 (~18 Jun 2025) |');
    expect(md).not.toContain('370');
    expect(md).not.toContain('Left out');
  });

  test('marks every state: ✘ violated, ⚠ not met, ⌛ overdue, ? no record, ~ at risk with its band', async () => {
    const [overdue, ahead] = OVERDUE_CHECK.evaluations as [ReportEvaluation, ReportEvaluation];
    const row = (e: Partial<ReportEvaluation>): ReportEvaluation => ({ ...ahead, ...e });
    const check: ReportCheck = {
      ...OVERDUE_CHECK,
      evaluations: [
        overdue,
        row({ instance: '2030-2033', state: 'violated', slackDays: -72, measuredDays: 256, message: 'too late' }),
        row({
          instance: '2034-2037',
          state: 'at-risk',
          slackDays: 5,
          measuredDays: 179,
          band: { low: 167, high: 206 },
          message: 'holds on the projections',
          details: ['inside the projections’ error bands the measured gap ranges over 167 … 206 days'],
        }),
        row({ instance: '2038-2041', state: 'no-record', message: 'no record', slackDays: undefined }),
        row({ instance: '2042-2045', state: 'violated', severity: 'warning', message: 'a warning' }),
      ],
    };
    const md = await markdownFor('en', check);
    const states = [...md.matchAll(/^\| (\d{4}-\d{4}) \| (?:history|plan) \| (\*\*)?([^|*]+)/gm)].map(m => [
      m[1],
      m[3],
    ]);
    expect(states).toEqual([
      ['2026-2029', '⌛ overdue — no record'],
      ['2030-2033', '✘ violated'],
      ['2034-2037', '~ at risk'],
      ['2038-2041', '? no record'],
      ['2042-2045', '⚠ not met'],
    ]);
    expect(md).toContain(
      'holds on the projections<br>inside the projections’ error bands the measured gap ranges over 167 … 206 days'
    );
    // Violated and overdue count at the rule's severity, at risk as a warning; no record is counted apart.
    expect(md).toContain('**Plan ahead: not aligned (1 error, 2 warnings).**');
    expect(md).toContain('No record to judge by: 1 rule × instance (see “Dates to confirm”).');
  });

  test('leaves out the dates to confirm and the key-milestone tables before the sources they cite, and says which', async () => {
    const md = await markdownFor('es', checkWith(120, 300));
    expect(md.length).toBeLessThan(MARKDOWN_LIMIT);
    expect(md).toContain('## Fuentes');
    expect(md).toMatch(
      /> Omitido para caber en un comentario de pull request: Fechas por confirmar, Instancia \d{4}-\d{4}/
    );
  });

  test('cuts required sections at a line when they alone overflow', async () => {
    const md = await markdownFor('pt', checkWith(400, 400));
    expect(md.length).toBeLessThan(MARKDOWN_LIMIT);
    expect(md.length).toBeGreaterThan(MARKDOWN_LIMIT - 2_000);
    expect(md.trimEnd().endsWith('O relatório HTML (`--format html`) contém tudo.')).toBe(true);
  });

  test('escapes calendar text that could break a table or inject HTML', () => {
    expect(escapeMarkdown('a | b <script>\n*x* [y](z)')).toBe('a \\| b &lt;script&gt; \\*x\\* \\[y\\](z)');
    // GitHub would notify @octocat and the team; an e-mail address is no mention and stays as it is.
    expect(escapeMarkdown('cc @octocat, @org/team, planner@example.org')).toBe(
      'cc @&#8203;octocat, @&#8203;org/team, planner@example.org'
    );
  });
});
