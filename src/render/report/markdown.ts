// The report as GitHub-flavoured Markdown for a pull-request comment: the verdict first, tables for the rules
// and the key milestones, and always under GitHub's 65,536-character comment limit (sections are left out,
// least important first, and the reader is told which).
import { ruleColumns } from './text.js';
import type { ChangeRowView, ReportView } from './model.js';
import type { CellView, KeyInstanceView } from './milestones-view.js';
import type { RuleView } from './rules-view.js';
import { escapeMarkdown } from '../escape.js';

export const MARKDOWN_LIMIT = 65_536;
/** Room kept for the "left out" note and the footer. */
const RESERVE = 1_200;

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

const cite = (n: number | undefined): string => (n === undefined ? '' : ` [${n}]`);

/** The rule's sentence, each clause quoted whole with where it is from, then how the rule reads it (apart). */
function ruleSection(r: RuleView, v: ReportView): string {
  const { t } = v;
  const out = [`### \`${r.id}\` — ${escapeMarkdown(r.cited)} · ${r.severity}`, '', escapeMarkdown(r.description), ''];
  for (const c of r.clauses)
    out.push(`> **${c.label}:** “${escapeMarkdown(c.quote)}”`, '>', `> — _${escapeMarkdown(c.attribution)}_`, '');
  if (r.interpretation)
    out.push(`**${escapeMarkdown(r.interpretation.label)}:** ${escapeMarkdown(r.interpretation.text)}`, '');
  out.push(
    table(
      [...ruleColumns(t), t('col.detail')],
      r.rows.map(x => [
        x.instance,
        x.period,
        x.state === 'holds' ? x.stateText : `**${x.stateText}**`,
        x.measured,
        x.allowed,
        x.slack,
        x.detail.map(escapeMarkdown).join('<br>'),
      ])
    )
  );
  return out.join('\n');
}

function keySection(k: KeyInstanceView, v: ReportView): string {
  const { t } = v;
  const one = (c: CellView): string =>
    [
      `${c.dates ? `${escapeMarkdown(c.dates)} — ` : ''}${escapeMarkdown(c.facts)}${cite(c.source)}`,
      ...(c.note ? [`_${escapeMarkdown(c.note)}_`] : []),
    ].join('<br>');
  const cell = (cs: readonly CellView[]): string => cs.map(one).join('<br>') || '—';
  return [
    `### ${k.heading}`,
    '',
    table(
      [t('col.milestone'), t('key.col.eu'), t('key.col.latam'), t('key.col.joint')],
      k.rows.map(r => [escapeMarkdown(r.label), cell(r.cells.eu), cell(r.cells.latam), cell(r.cells.joint)])
    ),
  ].join('\n');
}

function confirmSection(v: ReportView): string {
  const { t } = v;
  const head = [`## ${t('confirm.heading')}`, ''];
  if (v.datesToConfirm.length === 0) return [...head, t('confirm.none')].join('\n');
  return [
    ...head,
    t('confirm.intro'),
    '',
    table(
      [t('confirm.col.date'), t('confirm.col.rule'), t('confirm.col.needed')],
      v.datesToConfirm.map(r => [
        r.neededBy ? `**⚑ ${escapeMarkdown(r.slot)}**` : escapeMarkdown(r.slot),
        `${escapeMarkdown(r.rule)}${cite(r.source)}`,
        escapeMarkdown(r.neededBy) || '—',
      ])
    ),
  ].join('\n');
}

function changeTable(title: string, rows: readonly ChangeRowView[], v: ReportView): string {
  const { t } = v;
  if (rows.length === 0) return '';
  return [
    `### ${title}`,
    '',
    table(
      [t('col.milestone'), t('col.instance'), t('col.before'), t('col.now')],
      rows.map(r => [escapeMarkdown(r.milestone), r.instance, escapeMarkdown(r.before), escapeMarkdown(r.now)])
    ),
  ].join('\n');
}

interface Section {
  name: string;
  text: string;
  /** 0 = always kept; otherwise lower numbers are kept first when space runs short. */
  priority: number;
  /** Sections of one group are listed as a range when left out (`Instance 2114-2117 … Instance 2194-2197`). */
  group?: string;
}

function sections(v: ReportView): Section[] {
  const { t } = v;
  const out: Section[] = [];
  const add = (name: string, text: string, priority: number, group?: string): void => {
    if (text) out.push({ name, text, priority, ...(group ? { group } : {}) });
  };
  add('title', [`# ${t('title')}`, '', `${v.subtitle}. ${v.horizon}`].join('\n'), 0);
  add(
    'verdict',
    [
      `## ${t('verdict.heading')}`,
      '',
      ...[v.verdict.plan.line, v.verdict.history.line].map(l => `**${l}**  `),
      ...(v.verdict.noRecord ? [`${v.verdict.noRecord}  `] : []),
      '',
      `_${v.verdict.note}_`,
    ].join('\n'),
    0
  );
  if (v.changes) {
    const c = v.changes;
    add(
      t('changes.heading'),
      [
        `## ${t('changes.heading')}`,
        '',
        escapeMarkdown(c.against),
        '',
        c.summary,
        ...[
          changeTable(t('changes.moved'), c.moved, v),
          changeTable(t('changes.added'), c.added, v),
          changeTable(t('changes.cancelled'), c.cancelled, v),
        ]
          .filter(Boolean)
          .flatMap(s => ['', s]),
      ].join('\n'),
      0
    );
  }
  if (v.rules.length > 0) {
    add(t('rules.heading'), `## ${t('rules.heading')}`, 0);
    for (const r of v.rules) add(`\`${r.id}\``, ruleSection(r, v), 0);
    add(
      t('suggestions.heading'),
      [
        `## ${t('suggestions.heading')}`,
        '',
        ...(v.suggestions.length > 0
          ? v.suggestions.flatMap(({ instance, lines: [first = '', ...rest] }) => [
              `- **${instance}**: ${escapeMarkdown(first)}`,
              ...rest.map(l => `  - ${escapeMarkdown(l)}`),
            ])
          : [t('suggestions.none')]),
      ].join('\n'),
      0
    );
  }
  if (v.drift.length > 0)
    add(
      t('drift.heading'),
      [`## ${t('drift.heading')}`, '', ...v.drift.map(s => `- ${escapeMarkdown(s)}`)].join('\n'),
      1
    );
  // After the sources it cites, before the key tables.
  add(t('confirm.heading'), confirmSection(v), 3);
  add(
    t('key.heading'),
    [`## ${t('key.heading')}`, '', t('key.intro'), ...(v.keyMilestones.length === 0 ? ['', t('key.none')] : [])].join(
      '\n'
    ),
    2
  );
  for (const k of v.keyMilestones) add(k.heading, keySection(k, v), 4, 'key');
  // The footnotes outrank the tables that cite them: a table kept without its sources would cite nothing.
  if (v.sources.length > 0)
    add(
      t('sources.heading'),
      [`## ${t('sources.heading')}`, '', ...v.sources.map((s, i) => `${i + 1}. ${escapeMarkdown(s)}`)].join('\n'),
      2
    );
  return out;
}

/** `Instance 2114-2117 … Instance 2194-2197` for a run of left-out sections of one group. */
function describeDropped(dropped: readonly Section[]): string {
  const names: string[] = [];
  for (let i = 0; i < dropped.length; i++) {
    const s = dropped[i]!;
    let j = i;
    while (s.group && dropped[j + 1]?.group === s.group) j++;
    names.push(j > i ? `${s.name} … ${dropped[j]!.name}` : s.name);
    i = j;
  }
  return names.join(', ');
}

/**
 * Keeps every required section and, by priority, as many others as fit under the comment limit; prints
 * them in their reading order and says what was left out.
 */
export function renderReportMarkdown(v: ReportView): string {
  const { t } = v;
  const footer = ['---', '', `_${t('timeline.mdNote')}_`, '', `_${v.footer}_`].join('\n');
  const all = sections(v);
  const keep = new Set<number>();
  let size = footer.length + 2;
  const byPriority = all.map((s, i) => ({ s, i })).sort((a, b) => a.s.priority - b.s.priority || a.i - b.i);
  for (const { s, i } of byPriority) {
    if (s.priority > 0 && size + s.text.length + 2 > MARKDOWN_LIMIT - RESERVE) continue;
    keep.add(i);
    size += s.text.length + 2;
  }
  const kept = all.filter((_, i) => keep.has(i)).map(s => s.text);
  const dropped = all.filter((_, i) => !keep.has(i));
  if (dropped.length > 0) kept.push(`> ${t('md.truncated', { sections: describeDropped(dropped) })}`);
  let text = [...kept, footer].join('\n\n') + '\n';
  if (text.length >= MARKDOWN_LIMIT) {
    // Required sections alone overflow (thousands of instances): cut at a line and say so.
    const note = `\n\n> ${t('md.truncated', { sections: '…' })}\n`;
    const cut = text.lastIndexOf('\n', MARKDOWN_LIMIT - note.length - 1);
    text = text.slice(0, cut) + note;
  }
  assertFits(text);
  return text;
}

function assertFits(text: string): void {
  if (text.length >= MARKDOWN_LIMIT)
    throw new Error(`internal: Markdown report is ${text.length} characters, over ${MARKDOWN_LIMIT}`);
}
