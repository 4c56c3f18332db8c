// The lint text renderer: one compiler-style line per finding with the rule's section, then a summary;
// colour only when asked for.
import { describe, expect, test } from '@jest/globals';
import type { LintedFile } from '../../../src/render/lint/report.js';
import { renderLintText } from '../../../src/render/lint/text.js';

const files: LintedFile[] = [
  { file: 'a.ics', findings: [{ rule: 'R15', severity: 'error', line: 13, message: 'DTEND must be after DTSTART' }] },
  { file: 'b.ics', findings: [{ rule: 'R2', severity: 'warning', line: 4, message: 'line is 80 octets long' }] },
];

describe('renderLintText', () => {
  test('plain', () => {
    expect(renderLintText(files, false)).toBe(
      'a.ics:13: error R15 DTEND must be after DTSTART (RFC 5545 §3.8.2.2)\n' +
        'b.ics:4: warning R2 line is 80 octets long (RFC 5545 §3.1)\n' +
        '1 error and 1 warning in 2 files\n'
    );
  });

  test('coloured: severity, bold rule id, dim section', () => {
    const [first] = renderLintText(files, true).split('\n');
    expect(first).toBe(
      'a.ics:13: \u001b[31merror\u001b[39m \u001b[1mR15\u001b[22m DTEND must be after DTSTART' +
        '\u001b[2m (RFC 5545 §3.8.2.2)\u001b[22m'
    );
  });

  test('no findings', () => {
    expect(renderLintText([{ file: 'a.ics', findings: [] }], true)).toBe('no problems in 1 file\n');
  });
});
