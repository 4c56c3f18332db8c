// The linter's results for a set of files, as both renderers receive them.
import type { LintFinding } from '../../core/ics-lint/index.js';

export interface LintedFile {
  /** The name as the user gave it (`<stdin>` for `-`). */
  file: string;
  findings: LintFinding[];
}

export const countSeverity = (files: readonly LintedFile[], severity: LintFinding['severity']): number =>
  files.reduce((n, f) => n + f.findings.filter(x => x.severity === severity).length, 0);
