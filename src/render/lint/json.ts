// `{"files":[{"file","findings":[{"rule","severity","line","message"}]}]}`, keys in that order.
import type { LintedFile } from './report.js';

export const renderLintJson = (files: readonly LintedFile[]): string =>
  JSON.stringify(
    {
      files: files.map(({ file, findings }) => ({
        file,
        findings: findings.map(({ rule, severity, line, message }) => ({ rule, severity, line, message })),
      })),
    },
    null,
    2
  ) + '\n';
