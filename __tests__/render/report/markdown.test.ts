// The Markdown report always fits a pull-request comment: optional sections give way by priority (and are
// named), and if the required ones alone overflow, the text is cut at a line with a note.
import { describe, expect, test } from '@jest/globals';
import type { ReportCheck, ReportEvaluation } from '../../../src/render/report/check-view.js';
import { escapeMarkdown } from '../../../src/render/escape.js';
import { MARKDOWN_LIMIT, renderReportMarkdown } from '../../../src/render/report/markdown.js';
import { buildReportView } from '../../../src/render/report/model.js';
import type { Lang } from '../../../src/schema/primitives.js';
import { builtinOccurrences, HISTORY_FINDING_CHECK, TODAY } from './report-input.js';

function checkWith(count: number, messageLength: number): ReportCheck {
  const base = HISTORY_FINDING_CHECK.evaluations[0]!;
  const evaluations: ReportEvaluation[] = Array.from({ length: count }, (_, i) => ({
    ...base,
    instance: `${2026 + 4 * i}-${2029 + 4 * i}`,
    message: `finding ${i} `.padEnd(messageLength, 'x'),
  }));
  return { ...HISTORY_FINDING_CHECK, evaluations };
}

/** The Markdown report of the built-in calendars on TODAY with this check, nothing to compare against. */
async function markdownFor(lang: Lang, check: ReportCheck): Promise<string> {
  const { horizon, occurrences } = await builtinOccurrences();
  return renderReportMarkdown(buildReportView({ lang, today: TODAY, horizon, occurrences, check, changes: undefined }));
}

describe('renderReportMarkdown', () => {
  test('puts the verdict first, then the rules with their clause quoted', async () => {
    const md = await markdownFor('en', HISTORY_FINDING_CHECK);
    const headings = [...md.matchAll(/^## (.+)$/gm)].map(m => m[1]);
    expect(headings.slice(0, 2)).toEqual(['Verdict', 'Rules and the clauses they enforce']);
    expect(md).toContain('**History: not aligned (1 error).**');
    expect(md).toContain('> **Clause 20:** “we undertake to coordinate the timing of the launch');
    expect(md).toContain('| 2026-2029 | history | **✘ violated** | −370 days | 0 to 184 days | −370 days |');
    expect(md).not.toContain('Left out');
  });

  test('leaves out key-milestone tables before the sources, and says which', async () => {
    const md = await markdownFor('es', checkWith(150, 300));
    expect(md.length).toBeLessThan(MARKDOWN_LIMIT);
    expect(md).toContain('## Fuentes');
    expect(md).toMatch(/> Omitido para caber en un comentario de pull request: Instancia \d{4}-\d{4}/);
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
