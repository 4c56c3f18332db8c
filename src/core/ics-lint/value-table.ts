// The value types each property takes (RFC 5545 §3.7–§3.8, RFC 7986 §5): the first is the default,
// the others are what VALUE= may select. `list` values are comma-separated.
import { paramValue } from './content-line.js';
import type { Property } from './types.js';
import type { DateValue } from './value-types.js';
import { parseDate, parseDateTime } from './value-types.js';

export interface ValueSpec {
  types: readonly string[];
  list?: boolean;
}

const DATE_OR_TIME: ValueSpec = { types: ['DATE-TIME', 'DATE'] };
const UTC_TIME: ValueSpec = { types: ['DATE-TIME'] };
const DURATION: ValueSpec = { types: ['DURATION'] };
const INTEGER: ValueSpec = { types: ['INTEGER'] };
const OFFSET: ValueSpec = { types: ['UTC-OFFSET'] };
const URI: ValueSpec = { types: ['URI'] };
const TEXT: ValueSpec = { types: ['TEXT'] };
const TEXT_LIST: ValueSpec = { types: ['TEXT'], list: true };

const entries = (names: readonly string[], spec: ValueSpec): [string, ValueSpec][] => names.map(n => [n, spec]);

export const VALUE_SPECS: ReadonlyMap<string, ValueSpec> = new Map([
  ...entries(['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID'], DATE_OR_TIME),
  ['EXDATE', { types: ['DATE-TIME', 'DATE'], list: true }],
  ['RDATE', { types: ['DATE-TIME', 'DATE', 'PERIOD'], list: true }],
  ...entries(['DTSTAMP', 'CREATED', 'LAST-MODIFIED', 'COMPLETED'], UTC_TIME),
  ...entries(['DURATION', 'REFRESH-INTERVAL', 'X-PUBLISHED-TTL'], DURATION),
  ['TRIGGER', { types: ['DURATION', 'DATE-TIME'] }],
  ...entries(['SEQUENCE', 'PRIORITY', 'PERCENT-COMPLETE', 'REPEAT'], INTEGER),
  ...entries(['TZOFFSETFROM', 'TZOFFSETTO'], OFFSET),
  ['GEO', { types: ['FLOAT'] }],
  ['RRULE', { types: ['RECUR'] }],
  ['FREEBUSY', { types: ['PERIOD'], list: true }],
  ...entries(['ORGANIZER', 'ATTENDEE'], { types: ['CAL-ADDRESS'] }),
  ...entries(['URL', 'TZURL', 'SOURCE', 'CONFERENCE'], URI),
  ...entries(['ATTACH', 'IMAGE'], { types: ['URI', 'BINARY'] }),
  ...entries(
    [
      'SUMMARY',
      'DESCRIPTION',
      'LOCATION',
      'COMMENT',
      'CONTACT',
      'UID',
      'PRODID',
      'TZNAME',
      'NAME',
      'STATUS',
      'CLASS',
      'TRANSP',
      'ACTION',
      'METHOD',
      'CALSCALE',
      'VERSION',
      'COLOR',
      'TZID',
      'RELATED-TO',
      'REQUEST-STATUS',
      'X-WR-CALNAME',
      'X-WR-CALDESC',
      'X-WR-TIMEZONE',
    ],
    TEXT
  ),
  ...entries(['CATEGORIES', 'RESOURCES'], TEXT_LIST),
]);

export const KNOWN_VALUE_TYPES: ReadonlySet<string> = new Set([
  'BINARY',
  'BOOLEAN',
  'CAL-ADDRESS',
  'DATE',
  'DATE-TIME',
  'DURATION',
  'FLOAT',
  'INTEGER',
  'PERIOD',
  'RECUR',
  'TEXT',
  'TIME',
  'URI',
  'UTC-OFFSET',
]);

/** Free text where "," and ";" must be escaped (and in list properties ";" only). */
export const ESCAPED_TEXT: ReadonlySet<string> = new Set([
  'SUMMARY',
  'DESCRIPTION',
  'LOCATION',
  'COMMENT',
  'CONTACT',
  'TZNAME',
  'NAME',
  'X-WR-CALNAME',
  'X-WR-CALDESC',
  'CATEGORIES',
  'RESOURCES',
]);

/** The VALUE= parameter, upper-cased (parameter values are case-insensitive), or undefined when absent. */
export const declaredValueType = (prop: Property): string | undefined => paramValue(prop, 'VALUE')?.toUpperCase();

/** The value type in force: VALUE= when given, else the property's default (undefined when unknown). */
export function valueTypeOf(prop: Property): string | undefined {
  return declaredValueType(prop) ?? VALUE_SPECS.get(prop.name)?.types[0];
}

/** A DTSTART, DTEND or DUE value as its VALUE parameter declares it (DATE-TIME by default). */
export const parseDateProperty = (prop: Property): DateValue | undefined =>
  declaredValueType(prop) === 'DATE' ? parseDate(prop.value) : parseDateTime(prop.value);
