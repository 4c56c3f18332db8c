// The report as one self-contained HTML file: inline CSS and the inline SVG timeline, no external fonts,
// scripts or images, so it can be mailed, attached or served as is. Prints on A4; readable without the
// picture (headings, tables, and the timeline as a table).
import { renderTimelineSvg } from '../timeline/svg.js';
import { ruleColumns } from './text.js';
import type { ChangeRowView, ReportView } from './model.js';
import type { CellView, KeyInstanceView } from './milestones-view.js';
import type { RuleView } from './rules-view.js';
import { escapeHtml } from '../escape.js';

/** Catalog strings may mark commands with `backticks`; show those as code. */
const withCode = (s: string): string => escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');

const CSS = `
:root { --ink: #1a1a1a; --muted: #595959; --rule: #d0d0d0; --bad: #b34700; --warn: #8a6d00; --good: #00704a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
/* The symbol fonts after the text fonts carry marks the text fonts lack (⌛ is not in DejaVu Sans). */
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 "DejaVu Sans", Verdana, Arial, "Segoe UI Symbol", "Apple Color Emoji", "Noto Color Emoji", "Noto Sans Symbols 2", sans-serif; }
main { max-width: 760px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; border-bottom: 1px solid var(--rule); padding-bottom: .2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
p { margin: .4em 0; }
.subtitle { color: var(--muted); }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .92em; background: #f3f3f3; padding: 0 .2em; }
.verdict { border: 1px solid var(--rule); border-left-width: 8px; padding: .6em 1em; margin-top: 1em; }
.verdict h2 { margin-top: 0; border: 0; }
.verdict p.state { font-weight: bold; font-size: 1.1em; }
.verdict .state-misaligned::before { content: "✘ "; }
.verdict .state-warnings::before { content: "⚠ "; }
.verdict .state-aligned::before { content: "✔ "; }
.verdict .state-unknown::before { content: "? "; }
.verdict .state-misaligned { color: var(--bad); }
.verdict .state-warnings { color: var(--warn); }
.verdict .state-aligned { color: var(--good); }
.verdict-misaligned { border-left-color: var(--bad); }
.verdict-warnings { border-left-color: var(--warn); }
.verdict-aligned { border-left-color: var(--good); }
.note, .intro, figcaption, footer { color: var(--muted); font-size: .9em; }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; margin: .5em 0 1em; font-size: .85em; }
th, td { border: 1px solid var(--rule); padding: .3em .4em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
tr.detail td { font-size: .95em; }
th { background: #f0f0f0; }
td.num { white-space: nowrap; }
tr.violated td, tr.notMet td, tr.overdue td { background: #fff4ec; }
tr.atRisk td, tr.noRecord td { background: #f7f7f2; }
.state-violated, .state-notMet, .state-overdue, .state-atRisk { font-weight: bold; }
.state-violated, .state-overdue { color: var(--bad); }
.state-notMet, .state-atRisk { color: var(--warn); }
blockquote { margin: .5em 0; padding: .3em .9em; border-left: 4px solid var(--rule); font-style: italic; }
blockquote footer { font-style: normal; }
.interpretation { margin: .6em 0; padding: .3em .9em; border: 1px dashed var(--rule); font-size: .92em; }
tr.needed td:first-child { font-weight: bold; }
.cell .note { display: block; font-size: .9em; }
.cell + .cell { margin-top: .35em; padding-top: .35em; border-top: 1px dotted var(--rule); }
.cell .dates { display: block; font-weight: bold; }
.cell.projected .dates { font-weight: normal; font-style: italic; }
.cell .facts { display: block; color: var(--muted); font-size: .92em; }
ol.sources { font-size: .85em; color: var(--muted); overflow-wrap: anywhere; }
details summary { cursor: pointer; margin: .5em 0; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  figure, blockquote, tr, .verdict { break-inside: avoid; }
  details { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;

/** One row of cells that are already HTML. */
const rowHtml = (cells: readonly string[], cls?: string): string =>
  `<tr${cls ? ` class="${cls}"` : ''}>${cells.map(c => `<td>${c}</td>`).join('')}</tr>`;

function tableHtml(header: readonly string[], rows: readonly string[], cls?: string): string {
  return [
    `<table${cls ? ` class="${cls}"` : ''}>`,
    `<thead><tr>${header.map(h => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    rows.join('\n'),
    '</tbody>',
    '</table>',
  ].join('\n');
}

/** One row per instance; a rule that does not hold gets its message on a full-width row underneath. */
function ruleTable(r: RuleView, v: ReportView): string {
  const { t } = v;
  const header = ruleColumns(t);
  const rows = r.rows.flatMap(x => {
    const main = rowHtml(
      [
        escapeHtml(x.instance),
        escapeHtml(x.period),
        `<span class="state-${x.state}">${escapeHtml(x.stateText)}</span>`,
        escapeHtml(x.measured),
        escapeHtml(x.allowed),
        escapeHtml(x.slack),
      ],
      x.state
    );
    return x.detail.length > 0
      ? [
          main,
          `<tr class="${x.state} detail"><td colspan="${header.length}">${x.detail.map(escapeHtml).join('<br>')}</td></tr>`,
        ]
      : [main];
  });
  return tableHtml(header, rows, 'rule-table');
}

/** The rule's sentence, each clause quoted whole with where it is from, then how the rule reads it (apart). */
function ruleHtml(r: RuleView, v: ReportView): string {
  return [
    `<article class="rule" id="rule-${escapeHtml(r.id)}">`,
    `<h3><code>${escapeHtml(r.id)}</code> · ${escapeHtml(r.cited)} · ${escapeHtml(r.severity)}</h3>`,
    `<p>${escapeHtml(r.description)}</p>`,
    ...r.clauses.map(
      c =>
        `<blockquote><p><strong>${escapeHtml(c.label)}:</strong> “${escapeHtml(c.quote)}”</p><footer>— ${escapeHtml(c.attribution)}</footer></blockquote>`
    ),
    ...(r.interpretation
      ? [
          `<p class="interpretation"><strong>${escapeHtml(r.interpretation.label)}:</strong> ${escapeHtml(r.interpretation.text)}</p>`,
        ]
      : []),
    ruleTable(r, v),
    '</article>',
  ].join('\n');
}

const sourceLink = (n: number | undefined): string => (n === undefined ? '' : ` <a href="#source-${n}">[${n}]</a>`);

const cellHtml = (cs: readonly CellView[]): string =>
  cs.length === 0
    ? '—'
    : cs
        .map(
          c =>
            `<div class="cell ${c.status}">${c.dates ? `<span class="dates">${escapeHtml(c.dates)}</span>` : ''}<span class="facts">${escapeHtml(c.facts)}${sourceLink(c.source)}</span>${c.note ? `<span class="note">${escapeHtml(c.note)}</span>` : ''}</div>`
        )
        .join('');

function keyHtml(k: KeyInstanceView, v: ReportView): string {
  const { t } = v;
  return [
    `<h3>${escapeHtml(k.heading)}</h3>`,
    tableHtml(
      [t('col.milestone'), t('key.col.eu'), t('key.col.latam'), t('key.col.joint')],
      k.rows.map(r =>
        rowHtml([escapeHtml(r.label), cellHtml(r.cells.eu), cellHtml(r.cells.latam), cellHtml(r.cells.joint)])
      )
    ),
  ].join('\n');
}

/** Past slots a rule expected that no record gives; ⚑ marks those a verdict needed. */
function confirmHtml(v: ReportView): string {
  const { t } = v;
  return [
    '<section class="confirm" aria-labelledby="confirm-h">',
    `<h2 id="confirm-h">${escapeHtml(t('confirm.heading'))}</h2>`,
    ...(v.datesToConfirm.length === 0
      ? [`<p>${escapeHtml(t('confirm.none'))}</p>`]
      : [
          `<p class="intro">${withCode(t('confirm.intro'))}</p>`,
          tableHtml(
            [t('confirm.col.date'), t('confirm.col.rule'), t('confirm.col.needed')],
            v.datesToConfirm.map(r =>
              rowHtml(
                [
                  escapeHtml(r.neededBy ? `⚑ ${r.slot}` : r.slot),
                  escapeHtml(r.rule) + sourceLink(r.source),
                  escapeHtml(r.neededBy || '—'),
                ],
                r.neededBy ? 'needed' : undefined
              )
            )
          ),
        ]),
    '</section>',
  ].join('\n');
}

function changesHtml(v: ReportView): string {
  const c = v.changes;
  if (!c) return '';
  const { t } = v;
  const part = (title: string, rows: readonly ChangeRowView[], cls: string): string =>
    rows.length === 0
      ? ''
      : `<h3>${escapeHtml(title)}</h3>\n` +
        tableHtml(
          [t('col.milestone'), t('col.instance'), t('col.before'), t('col.now')],
          rows.map(r => rowHtml([r.milestone, r.instance, r.before, r.now].map(escapeHtml), cls))
        );
  return [
    '<section class="changes" aria-labelledby="changes-h">',
    `<h2 id="changes-h">${escapeHtml(t('changes.heading'))}</h2>`,
    `<p>${escapeHtml(c.against)}</p>`,
    `<p>${escapeHtml(c.summary)}</p>`,
    part(t('changes.moved'), c.moved, 'moved'),
    part(t('changes.added'), c.added, 'added'),
    part(t('changes.cancelled'), c.cancelled, 'cancelled'),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The edit (which date to plan where) first, then the whole-cycle shift and what it leaves. */
const suggestionHtml = (s: ReportView['suggestions'][number]): string => {
  const [first = '', ...rest] = s.lines;
  const more = rest.length > 0 ? `\n<ul>${rest.map(l => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '';
  return `<li><strong>${escapeHtml(s.instance)}</strong>: ${escapeHtml(first)}${more}</li>`;
};

export function renderReportHtml(v: ReportView): string {
  const { t } = v;
  const body = [
    '<main>',
    '<header>',
    `<h1>${escapeHtml(v.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(v.subtitle)}. ${escapeHtml(v.horizon)}</p>`,
    '</header>',
    `<section class="verdict verdict-${v.verdict.plan.state}" aria-labelledby="verdict-h">`,
    `<h2 id="verdict-h">${escapeHtml(t('verdict.heading'))}</h2>`,
    `<p class="state state-${v.verdict.plan.state}">${escapeHtml(v.verdict.plan.line)}</p>`,
    `<p class="state state-${v.verdict.history.state}">${escapeHtml(v.verdict.history.line)}</p>`,
    ...(v.verdict.noRecord ? [`<p class="state state-unknown">${escapeHtml(v.verdict.noRecord)}</p>`] : []),
    `<p class="note">${withCode(v.verdict.note)}</p>`,
    '</section>',
    '<section class="timeline-section" aria-labelledby="timeline-h">',
    `<h2 id="timeline-h">${escapeHtml(t('timeline.heading'))}</h2>`,
    '<figure>',
    renderTimelineSvg(v.timeline).trimEnd(),
    `<figcaption>${escapeHtml(v.timeline.text.desc)}</figcaption>`,
    '</figure>',
    `<details><summary>${escapeHtml(t('timeline.asTable'))}</summary>`,
    tableHtml(
      [t('col.lane'), t('col.milestone'), t('col.instance'), t('col.dates'), t('col.status')],
      v.timelineTable.map(r => rowHtml([r.lane, r.milestone, r.instance, r.dates, r.status].map(escapeHtml)))
    ),
    '</details>',
    '</section>',
    changesHtml(v),
    ...(v.rules.length > 0
      ? [
          '<section class="rules" aria-labelledby="rules-h">',
          `<h2 id="rules-h">${escapeHtml(t('rules.heading'))}</h2>`,
          ...v.rules.map(r => ruleHtml(r, v)),
          '</section>',
          '<section class="suggestions" aria-labelledby="suggestions-h">',
          `<h2 id="suggestions-h">${escapeHtml(t('suggestions.heading'))}</h2>`,
          v.suggestions.length > 0
            ? `<ul>\n${v.suggestions.map(suggestionHtml).join('\n')}\n</ul>`
            : `<p>${escapeHtml(t('suggestions.none'))}</p>`,
          ...(v.drift.length > 0
            ? [
                `<h3>${escapeHtml(t('drift.heading'))}</h3>`,
                `<ul>\n${v.drift.map(s => `<li>${escapeHtml(s)}</li>`).join('\n')}\n</ul>`,
              ]
            : []),
          '</section>',
        ]
      : []),
    confirmHtml(v),
    '<section class="key" aria-labelledby="key-h">',
    `<h2 id="key-h">${escapeHtml(t('key.heading'))}</h2>`,
    `<p class="intro">${escapeHtml(t('key.intro'))}</p>`,
    ...(v.keyMilestones.length === 0
      ? [`<p>${escapeHtml(t('key.none'))}</p>`]
      : v.keyMilestones.map(k => keyHtml(k, v))),
    '</section>',
    ...(v.sources.length > 0
      ? [
          '<section aria-labelledby="sources-h">',
          `<h2 id="sources-h">${escapeHtml(t('sources.heading'))}</h2>`,
          `<ol class="sources">\n${v.sources.map((s, i) => `<li id="source-${i + 1}">${escapeHtml(s)}</li>`).join('\n')}\n</ol>`,
          '</section>',
        ]
      : []),
    `<footer><p>${escapeHtml(v.footer)}</p></footer>`,
    '</main>',
  ].filter(Boolean);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(v.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(v.title)} — ${escapeHtml(v.subtitle)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
