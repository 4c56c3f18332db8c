// `check --format github`: GitHub Actions workflow commands. Each finding annotates the line of the milestone
// (or its history entry) in the calendar file, or, for a line inherited from outside the repository, the
// planner's `extends:` line (common.ts annotationPlace); findings that gate keep their severity, history ones
// are notices.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Evaluation } from '../../core/alignment/types.js';
import { escapeTerminal } from '../../plain-text.js';
import { annotationPlace, clauseText, levelOf, localized, summary, verdict } from './common.js';
import type { FindingsInput, RenderOptions } from './types.js';

/**
 * Message data: `%`, CR and LF escaped as the runner unescapes them, or a message could end the command and
 * start another; every other control character written out, and no older `##[command]` inside (escapeTerminal).
 */
const escapeData = (s: string): string =>
  escapeTerminal(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
/** Property values additionally escape `:` and `,`, which separate properties. */
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

function annotation(e: Evaluation, input: FindingsInput, opts: RenderOptions): string {
  const { at, message } = annotationPlace(e, input, opts.lang);
  const props = [
    ...(at ? [`file=${escapeProperty(at.file)}`] : []),
    ...(at?.line !== undefined ? [`line=${at.line}`] : []),
    `title=${escapeProperty(`${e.rule} (${clauseText(e.clauses, opts.lang)}, ${e.instance})`)}`,
  ];
  return `::${COMMAND[levelOf(e)]} ${props.join(',')}::${escapeData(message)}`;
}

/** An error annotation on a file's line: what a run that could not check says, e.g. at a broken calendar file. */
export function errorAnnotation(message: string, at?: { file: string; line?: number; column?: number }): string {
  const props = [
    ...(at ? [`file=${escapeProperty(at.file)}`] : []),
    ...(at?.line !== undefined ? [`line=${at.line}`] : []),
    ...(at?.column !== undefined ? [`col=${at.column}`] : []),
    'title=cyclesync',
  ];
  return `::error ${props.join(',')}::${escapeData(message)}\n`;
}

export function renderFindingsGithub(input: FindingsInput, opts: RenderOptions): string {
  const lines = [verdict(input, opts.lang), summary(input, opts.lang)].map(escapeData);
  for (const e of input.result.findings) lines.push(annotation(e, input, opts));
  for (const s of input.result.suggestions)
    lines.push(
      `::notice title=${escapeProperty(`fix ${s.instance}`)}::${escapeData(localized(s, opts.lang, input.titles))}`
    );
  for (const d of input.result.drift)
    lines.push(`::warning title=drift::${escapeData(localized(d, opts.lang, input.titles))}`);
  return lines.join('\n') + '\n';
}
