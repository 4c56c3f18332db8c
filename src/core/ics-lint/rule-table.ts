// Every rule the linter can report, with a stable id, its severity and the section it enforces.
// Ids R1–R25 follow the requirement numbers of ICALENDAR.md §1; a letter suffix (R1a, R1b…) is a further
// check under the same requirement; R26–R33 are structure and value rules; R40–R42 are client rules.
// Severity: a MUST (or a defect that a major client mishandles) is an error, a SHOULD or a hint is a warning.
import type { LintSeverity } from './types.js';

export interface LintRule {
  severity: LintSeverity;
  summary: string;
  rfc: string;
}

const rule = (severity: LintSeverity, summary: string, rfc: string): LintRule => ({ severity, summary, rfc });

export const LINT_RULES = {
  R1: rule('error', 'line ends with LF only, not CRLF', 'RFC 5545 §3.1'),
  R1a: rule('error', 'bare CR (a CR not followed by LF)', 'RFC 5545 §3.1'),
  R1b: rule('error', 'the last line has no CRLF', 'RFC 5545 §3.1'),
  R2: rule('warning', 'line longer than 75 octets', 'RFC 5545 §3.1'),
  R2a: rule('error', 'line is not a content line (a folded line must start with a space or tab)', 'RFC 5545 §3.1'),
  R2b: rule('warning', 'empty line', 'RFC 5545 §3.1'),
  R3: rule('error', 'a fold splits a UTF-8 multi-octet sequence', 'RFC 5545 §3.1'),
  R4: rule('error', 'bytes that are not UTF-8', 'RFC 5545 §3.1.4, §6'),
  R4a: rule('error', 'byte order mark at the start of the file', 'RFC 5545 §3.1.4'),
  R5: rule('error', 'unescaped "," or ";" in a TEXT value', 'RFC 5545 §3.3.11'),
  R5a: rule('error', 'backslash escape other than \\\\ \\; \\, \\n \\N in a TEXT value', 'RFC 5545 §3.3.11'),
  R5b: rule('error', 'control character in a value or parameter', 'RFC 5545 §3.1, §3.3.11'),
  R6: rule('error', 'malformed parameter', 'RFC 5545 §3.1, §3.2'),
  R7: rule('error', 'malformed property name', 'RFC 5545 §3.1'),
  R7a: rule('warning', 'unknown property name without the X- prefix', 'RFC 5545 §3.8.8.2'),
  R8: rule('error', 'VERSION missing, repeated, or not 2.0', 'RFC 5545 §3.6, §3.7.4'),
  R8a: rule('error', 'PRODID missing or repeated', 'RFC 5545 §3.6, §3.7.3'),
  R9: rule('error', 'required property or sub-component missing', 'RFC 5545 §3.6.1–§3.6.6'),
  R9a: rule('error', 'property repeated where it may appear only once', 'RFC 5545 §3.6.1–§3.6.6'),
  R10: rule('error', 'DTSTAMP, CREATED, LAST-MODIFIED or COMPLETED not in UTC', 'RFC 5545 §3.8.7.2, §3.8.7.1'),
  R12: rule('error', 'duplicate UID without a distinct RECURRENCE-ID', 'RFC 5545 §3.8.4.7, RFC 4791 §4.1'),
  R13: rule('error', 'SEQUENCE not a non-negative integer', 'RFC 5545 §3.8.7.4'),
  R14: rule('error', "STATUS not in the component's set", 'RFC 5545 §3.8.1.11'),
  R15: rule('error', 'DTEND (or DUE) not after DTSTART', 'RFC 5545 §3.8.2.2'),
  R15a: rule('error', 'DTSTART and DTEND (or DUE) of different value types', 'RFC 5545 §3.8.2.2, §3.8.2.3'),
  R16: rule('error', 'DTEND (or DUE) together with DURATION', 'RFC 5545 §3.6.1, §3.6.2'),
  R17: rule('error', 'TZID without a matching VTIMEZONE', 'RFC 5545 §3.2.19'),
  R17a: rule('error', 'TZID on a UTC or DATE value', 'RFC 5545 §3.2.19, §3.3.5'),
  R18: rule('error', 'malformed RRULE (FREQ missing, unknown or repeated part, bad value)', 'RFC 5545 §3.3.10'),
  R18a: rule('error', 'RRULE with both COUNT and UNTIL', 'RFC 5545 §3.3.10'),
  R18b: rule('error', "RRULE UNTIL not of DTSTART's value type", 'RFC 5545 §3.3.10'),
  R18c: rule('warning', 'RRULE without COUNT or UNTIL repeats forever', 'RFC 5545 §3.3.10'),
  R19: rule('error', 'METHOD not registered', 'RFC 5545 §3.7.2, RFC 5546 §1.4'),
  R20: rule('error', 'publish profile: component without ORGANIZER', 'RFC 5546 §3.2.1'),
  R20a: rule('warning', 'snapshot profile: ORGANIZER on a component that is not group-scheduled', 'RFC 5545 §3.8.4.3'),
  R22: rule('error', 'REFRESH-INTERVAL without VALUE=DURATION', 'RFC 7986 §5.7'),
  R24: rule('error', 'METHOD does not fit the profile', 'RFC 5545 §3.7.2, RFC 5546 §3.2.1'),
  R26: rule('error', 'empty file', 'RFC 5545 §3.4'),
  R26a: rule('error', 'content outside BEGIN:VCALENDAR…END:VCALENDAR', 'RFC 5545 §3.4'),
  R27: rule('error', 'END does not match the open BEGIN', 'RFC 5545 §3.4, §3.6'),
  R27a: rule('error', 'file ends inside a component (truncated)', 'RFC 5545 §3.4, §3.6'),
  R28: rule('error', 'component nested where it is not allowed', 'RFC 5545 §3.6'),
  R29: rule('error', 'property in a component that does not allow it', 'RFC 5545 §3.6, §3.7, §3.8'),
  R31: rule('error', 'value not valid for its type (date, time, duration, integer, offset…)', 'RFC 5545 §3.3'),
  R32: rule('error', 'unknown VALUE type, or one the property does not allow', 'RFC 5545 §3.2.20, §3.8'),
  R40: rule('warning', 'feed larger than 512 KB', 'Google Calendar (~1 MB limit)'),
  R40a: rule('error', 'feed larger than 1 MB', 'Google Calendar (~1 MB limit)'),
  R41: rule('warning', 'VTODO, which Google Calendar does not show', 'Google Calendar'),
  R42: rule('warning', 'calendar name with a line break', 'MS-OXCICAL §2.1.3.1.1.17, RFC 7986 §5.1'),
} as const satisfies Record<string, LintRule>;

export type RuleId = keyof typeof LINT_RULES;

/** Position of a rule in the table, so findings on one line sort R2 before R10. */
export const RULE_ORDER: ReadonlyMap<string, number> = new Map(Object.keys(LINT_RULES).map((id, i) => [id, i]));
