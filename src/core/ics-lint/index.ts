// `lintIcs`: a strict iCalendar feed linter, a pure function of bytes. Layer 1 reads octets and unfolds
// (physical-lines.ts), the structure layer builds components (structure.ts), then each rule group runs
// over the flat component list (rules/*.ts). It never throws and runs in time linear in the input.
import { RULE_ORDER } from './rule-table.js';
import { checkCardinality } from './rules/cardinality.js';
import { checkClientLimits } from './rules/client.js';
import { checkDateOrder } from './rules/dates.js';
import { checkPlacement } from './rules/placement.js';
import { checkProfile } from './rules/profile.js';
import { checkRecurrence } from './rules/rrule.js';
import { checkTextValues } from './rules/text.js';
import { checkTimezones } from './rules/timezones.js';
import { checkUids } from './rules/uids.js';
import { checkValues } from './rules/values.js';
import { LINT_RULES } from './rule-table.js';
import type { RuleId } from './rule-table.js';
import { splitContentLines } from './physical-lines.js';
import { buildComponents } from './structure.js';
import type { LintContext, LintFinding, LintOptions } from './types.js';

export { LINT_RULES } from './rule-table.js';
export type { LintRule, RuleId } from './rule-table.js';
export type { LintFinding, LintOptions, LintProfile, LintSeverity } from './types.js';

const RULE_GROUPS: readonly ((ctx: LintContext) => void)[] = [
  checkPlacement,
  checkCardinality,
  checkUids,
  checkTextValues,
  checkValues,
  checkDateOrder,
  checkTimezones,
  checkRecurrence,
  checkProfile,
  checkClientLimits,
];

const byLineThenRule = (a: LintFinding, b: LintFinding): number =>
  a.line - b.line ||
  (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0) ||
  (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);

/** Lints one feed. Findings are sorted by line, then by rule (in LINT_RULES order), then by message. */
export function lintIcs(bytes: Uint8Array, options: LintOptions = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const report = (rule: RuleId, line: number, message: string): void => {
    findings.push({ rule, severity: LINT_RULES[rule].severity, line, message });
  };
  const { contentLines, lastLine } = splitContentLines(bytes, report);
  const components = buildComponents(contentLines, lastLine, report);
  const ctx: LintContext = { components, profile: options.profile ?? 'snapshot', size: bytes.length, report };
  for (const check of RULE_GROUPS) check(ctx);
  return findings.sort(byLineThenRule);
}
