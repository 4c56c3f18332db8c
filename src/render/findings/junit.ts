// `check --format junit`: one test case per rule × instance, for CI dashboards. A finding that fails the check
// is a <failure>; one that does not (history, or below --fail-on) passes with its message in <system-out>; a rule
// with no record to judge by is <skipped>.
import type { Evaluation } from '../../core/alignment/types.js';
import type { Lang } from '../../schema/primitives.js';
import { clauseText, detailLines, localized, slackText, tr, whereText } from './common.js';
import type { FindingsInput, RenderOptions, Titles } from './types.js';
import { escapeXml } from '../escape.js';

function detail(e: Evaluation, lang: Lang, titles: Titles | undefined): string {
  const t = tr(lang);
  const where = whereText(e);
  return [
    localized(e, lang, titles),
    `${t('label.severity')}: ${t(`severity.${e.severity}`)} · ${clauseText(e.clauses, lang)} · ${t(`status.${e.status}`)} · ${t(`state.${e.state}`)} · ${t('label.slack')}: ${slackText(e.slackDays, lang)}`,
    ...detailLines(e, lang),
    ...e.milestones.map(
      m =>
        `${m.id} ${m.instance}: ${m.start.toString()}${m.end.equals(m.start) ? '' : ` → ${m.end.toString()}`} (${m.status})`
    ),
    ...(where ? [where] : []),
  ].join('\n');
}

function testcase(e: Evaluation, lang: Lang, titles: Titles | undefined): string {
  const attrs = `name="${escapeXml(e.rule)}" classname="${escapeXml(`cyclesync.${e.instance}`)}" time="0"${e.at ? ` file="${escapeXml(e.at.file)}"` : ''}`;
  if (e.state === 'holds') return `    <testcase ${attrs}/>`;
  const text = escapeXml(detail(e, lang, titles));
  if (e.state === 'no-record')
    return [
      `    <testcase ${attrs}>`,
      `      <skipped message="${escapeXml(localized(e, lang, titles))}"/>`,
      `      <system-out>${text}</system-out>`,
      '    </testcase>',
    ].join('\n');
  if (e.gates)
    return [
      `    <testcase ${attrs}>`,
      `      <failure message="${escapeXml(localized(e, lang, titles))}" type="${e.severity}">${text}</failure>`,
      '    </testcase>',
    ].join('\n');
  return [`    <testcase ${attrs}>`, `      <system-out>${text}</system-out>`, '    </testcase>'].join('\n');
}

export function renderFindingsJunit(input: FindingsInput, opts: RenderOptions): string {
  const { evaluations, instances } = input.result;
  const failures = evaluations.filter(e => e.gates).length;
  const suites = instances.map(instance => {
    const cases = evaluations.filter(e => e.instance === instance);
    const failed = cases.filter(e => e.gates).length;
    const skipped = cases.filter(e => e.state === 'no-record').length;
    return [
      `  <testsuite name="${escapeXml(`clause-20 alignment ${instance}`)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${skipped}" time="0">`,
      ...cases.map(e => testcase(e, opts.lang, input.titles)),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cyclesync check" tests="${evaluations.length}" failures="${failures}" errors="0" skipped="${evaluations.filter(e => e.state === 'no-record').length}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
