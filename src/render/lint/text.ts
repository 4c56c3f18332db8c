// Compiler-style text: `feed.ics:42: error R15 all-day DTEND must be after DTSTART (RFC 5545 §3.8.2.2)`,
// one line per finding, then a one-line summary.
import { LINT_RULES } from '../../core/ics-lint/index.js';
import type { LintFinding } from '../../core/ics-lint/index.js';
import { escapeTerminal } from '../../plain-text.js';
import { makeStyle } from '../style.js';
import type { Style } from '../style.js';
import type { LintedFile } from './report.js';
import { countSeverity } from './report.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatFinding(file: string, f: LintFinding, s: Style): string {
  const severity = f.severity === 'error' ? s.red('error') : s.yellow('warning');
  // The file is named as the user gave it, and a message may quote the feed: both escaped before colouring.
  const where = escapeTerminal(`${file}:${f.line}:`);
  return `${where} ${severity} ${s.bold(f.rule)} ${escapeTerminal(f.message)}${s.dim(` (${LINT_RULES[f.rule].rfc})`)}`;
}

export function renderLintText(files: readonly LintedFile[], color: boolean): string {
  const s = makeStyle(color);
  const lines = files.flatMap(({ file, findings }) => findings.map(f => formatFinding(file, f, s)));
  const errors = countSeverity(files, 'error');
  const warnings = countSeverity(files, 'warning');
  const checked = plural(files.length, 'file');
  lines.push(
    errors + warnings === 0
      ? `no problems in ${checked}`
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${checked}`
  );
  return lines.join('\n') + '\n';
}
