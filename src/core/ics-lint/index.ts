// `lintIcs`: a strict iCalendar feed linter, a pure function of bytes. Layer 1 reads octets and unfolds
// (physical-lines.ts), the structure layer builds components (structure.ts), then each rule group runs
// over the flat component list (rules/*.ts). It never throws and runs in time linear in the input.
import { RULE_ORDER } from './rule-table.js';
import { checkCardinality } from './rules/cardinality.js';
import { checkClientLimits } from './rules/client.js';
import { checkDateOrder } from './rules/dates.js';
import { checkPlacement } from './rules/placement.js';
import { checkProfile } from './rules/profile.js';
import { checkRefreshInterval } from './rules/refresh-interval.js';
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
export type { LintFinding, LintOptions, LintProfile } from './types.js';

const RULE_GROUPS: readonly ((ctx: LintContext) => void)[] = [
  checkPlacement,
  checkCardinality,
  checkUids,
  checkTextValues,
  checkValues,
  checkRefreshInterval,
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

/** Past this many findings of one rule in one file, the rest are counted in one summary finding. */
export const MAX_FINDINGS_PER_RULE = 500;

/**
 * Collects findings. Caps each rule at MAX_FINDINGS_PER_RULE so a hostile or badly broken file (a
 * million bare CRs) costs bounded memory and output: the overflow becomes one finding on the line of
 * the first finding left out.
 */
function makeCollector(): { report: LintContext['report']; findings: () => LintFinding[] } {
  const findings: LintFinding[] = [];
  const counts = new Map<RuleId, number>();
  const overflow = new Map<RuleId, { line: number; count: number }>();
  const report = (rule: RuleId, line: number, message: string): void => {
    const n = counts.get(rule) ?? 0;
    counts.set(rule, n + 1);
    if (n < MAX_FINDINGS_PER_RULE) {
      findings.push({ rule, severity: LINT_RULES[rule].severity, line, message });
      return;
    }
    const o = overflow.get(rule);
    if (o) o.count++;
    else overflow.set(rule, { line, count: 1 });
  };
  const all = (): LintFinding[] => {
    for (const [rule, { line, count }] of overflow) {
      const message = `${count} more ${rule} findings from here on are not listed (${LINT_RULES[rule].summary})`;
      findings.push({ rule, severity: LINT_RULES[rule].severity, line, message });
    }
    return findings.sort(byLineThenRule);
  };
  return { report, findings: all };
}

/** Lints one feed. Findings are sorted by line, then by rule (in LINT_RULES order), then by message. */
export function lintIcs(bytes: Uint8Array, options: LintOptions = {}): LintFinding[] {
  const { report, findings } = makeCollector();
  const { contentLines, lastLine } = splitContentLines(bytes, report);
  const components = buildComponents(contentLines, lastLine, report);
  const ctx: LintContext = { components, profile: options.profile ?? 'snapshot', size: bytes.length, report };
  for (const check of RULE_GROUPS) check(ctx);
  return findings();
}
