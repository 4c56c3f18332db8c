// `lint-ics --format json` and the programmatic API's `lintIcs()`: one builder of the data for both.
import type { LintedFile } from './report.js';

/** `{"files":[{"file","findings":[{"rule","severity","line","message"}]}]}`, keys in that order. */
export interface LintData {
  files: {
    /** The name as given (`<stdin>` for standard input). */
    file: string;
    findings: {
      /** The rule's stable id (the table in docs/lint-ics.md), e.g. `R15`. */
      rule: string;
      severity: 'error' | 'warning';
      /** The 1-based physical line the problem starts on. */
      line: number;
      message: string;
    }[];
  }[];
}

export const lintData = (files: readonly LintedFile[]): LintData => ({
  files: files.map(({ file, findings }) => ({
    file,
    findings: findings.map(({ rule, severity, line, message }) => ({ rule, severity, line, message })),
  })),
});

export const renderLintJson = (files: readonly LintedFile[]): string => `${JSON.stringify(lintData(files), null, 2)}\n`;
