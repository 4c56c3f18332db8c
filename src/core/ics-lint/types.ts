// The data the linter passes between its layers: findings out, content lines and components in between.
import type { RuleId } from './rule-table.js';

export type LintSeverity = 'error' | 'warning';

/** One problem in a feed: which rule, how bad, the 1-based physical line it starts on, and what is wrong. */
export interface LintFinding {
  rule: RuleId;
  severity: LintSeverity;
  line: number;
  message: string;
}

/**
 * `snapshot` (default, what cyclesync feeds use): an RFC 5545 snapshot, no METHOD, no scheduling.
 * `publish`: an iTIP PUBLISH feed (RFC 5546 §3.2.1), METHOD:PUBLISH and an ORGANIZER on every component.
 */
export type LintProfile = 'snapshot' | 'publish';

export interface LintOptions {
  profile?: LintProfile;
}

/** A parameter as written: upper-cased name and its values with any surrounding DQUOTEs removed. */
export interface Param {
  name: string;
  values: string[];
}

/** One unfolded content line, parsed: `NAME;PARAM=VALUE:value`. `line` is the physical line it starts on. */
export interface Property {
  name: string;
  params: Param[];
  value: string;
  line: number;
}

/** A BEGIN…END block. Components are kept in a flat list in document order so no rule needs recursion. */
export interface Component {
  name: string;
  line: number;
  /** The VCALENDAR this component sits in (itself for a VCALENDAR): set once, so no rule walks up. */
  calendar: Component | undefined;
  props: Property[];
  children: Component[];
}

/** What every rule module receives. `report` looks the severity up in LINT_RULES. */
export interface LintContext {
  components: readonly Component[];
  profile: LintProfile;
  size: number;
  report: (rule: RuleId, line: number, message: string) => void;
}
