// What each component may contain (RFC 5545 §3.6 and RFC 7986): sub-components, properties, which
// properties are required and which may appear only once. X- and unknown IANA names are not listed:
// they may appear anywhere (RFC 5545 §3.8.8).

export interface ComponentSpec {
  children: readonly string[];
  /** Properties allowed here: the union of `required`, `once` and `many`. */
  required: readonly string[];
  once: readonly string[];
  many: readonly string[];
}

const DESCRIPTIVE_MANY = ['ATTACH', 'ATTENDEE', 'CATEGORIES', 'COMMENT', 'CONTACT', 'EXDATE', 'REQUEST-STATUS'];
const RELATIONS_MANY = ['RELATED-TO', 'RDATE', 'IMAGE', 'CONFERENCE'];
const COMMON_ONCE = ['CLASS', 'CREATED', 'LAST-MODIFIED', 'ORGANIZER', 'RECURRENCE-ID', 'SEQUENCE', 'STATUS'];

// VEVENT and VTODO differ only in their end (DTEND / DUE) and in TRANSP vs COMPLETED and PERCENT-COMPLETE.
const EVENT_OR_TODO = {
  children: ['VALARM', 'PARTICIPANT', 'VLOCATION', 'VRESOURCE'],
  required: ['DTSTAMP', 'UID'],
  many: [...DESCRIPTIVE_MANY, ...RELATIONS_MANY, 'RESOURCES'],
};
const EVENT_OR_TODO_ONCE = [
  ...COMMON_ONCE,
  'DTSTART',
  'DESCRIPTION',
  'GEO',
  'LOCATION',
  'PRIORITY',
  'SUMMARY',
  'URL',
  'RRULE',
  'DURATION',
  'COLOR',
];

const OBSERVANCE: ComponentSpec = {
  children: [],
  required: ['DTSTART', 'TZOFFSETTO', 'TZOFFSETFROM'],
  once: ['RRULE'],
  many: ['COMMENT', 'RDATE', 'TZNAME'],
};

export const COMPONENTS: Readonly<Record<string, ComponentSpec>> = {
  VCALENDAR: {
    children: ['VEVENT', 'VTODO', 'VJOURNAL', 'VFREEBUSY', 'VTIMEZONE', 'VAVAILABILITY'],
    required: ['PRODID', 'VERSION'],
    once: ['CALSCALE', 'METHOD', 'UID', 'LAST-MODIFIED', 'URL', 'REFRESH-INTERVAL', 'SOURCE', 'COLOR'],
    many: ['NAME', 'DESCRIPTION', 'CATEGORIES', 'IMAGE'],
  },
  VEVENT: { ...EVENT_OR_TODO, once: [...EVENT_OR_TODO_ONCE, 'TRANSP', 'DTEND'] },
  VTODO: { ...EVENT_OR_TODO, once: [...EVENT_OR_TODO_ONCE, 'COMPLETED', 'PERCENT-COMPLETE', 'DUE'] },
  VJOURNAL: {
    children: ['PARTICIPANT', 'VLOCATION', 'VRESOURCE'],
    required: ['DTSTAMP', 'UID'],
    once: [...COMMON_ONCE, 'DTSTART', 'SUMMARY', 'URL', 'RRULE', 'COLOR'],
    many: [...DESCRIPTIVE_MANY, ...RELATIONS_MANY, 'DESCRIPTION'],
  },
  VFREEBUSY: {
    children: ['PARTICIPANT', 'VLOCATION', 'VRESOURCE'],
    required: ['DTSTAMP', 'UID'],
    once: ['CONTACT', 'DTSTART', 'DTEND', 'ORGANIZER', 'URL'],
    many: ['ATTENDEE', 'COMMENT', 'FREEBUSY', 'REQUEST-STATUS'],
  },
  VTIMEZONE: {
    children: ['STANDARD', 'DAYLIGHT'],
    required: ['TZID'],
    once: ['LAST-MODIFIED', 'TZURL', 'TZUNTIL'],
    many: ['TZID-ALIAS-OF'],
  },
  STANDARD: OBSERVANCE,
  DAYLIGHT: OBSERVANCE,
  VALARM: {
    children: ['VLOCATION'],
    required: ['ACTION', 'TRIGGER'],
    once: ['DURATION', 'REPEAT', 'UID', 'ACKNOWLEDGED', 'PROXIMITY'],
    many: ['ATTACH', 'DESCRIPTION', 'SUMMARY', 'ATTENDEE', 'RELATED-TO'],
  },
};

/** Every property placed in a component above: only these are checked for placement (R29). */
export const PLACED_PROPERTIES: ReadonlySet<string> = new Set(
  Object.values(COMPONENTS).flatMap(c => [...c.required, ...c.once, ...c.many])
);

/** Registered properties beyond the placement table (RFC 7953, 9073, 9074, 9253): known, placed loosely. */
const OTHER_REGISTERED = [
  'BUSYTYPE',
  'LOCATION-TYPE',
  'PARTICIPANT-TYPE',
  'RESOURCE-TYPE',
  'CALENDAR-ADDRESS',
  'STYLED-DESCRIPTION',
  'STRUCTURED-DATA',
  'CONCEPT',
  'LINK',
  'REFID',
  'ESTIMATED-DURATION',
  'BEGIN',
  'END',
];

export const KNOWN_PROPERTIES: ReadonlySet<string> = new Set([...PLACED_PROPERTIES, ...OTHER_REGISTERED]);

/** Can a `child` component appear inside `parent`? X- components may appear anywhere, and inside a component
 * this table does not describe (X-, VAVAILABILITY, PARTICIPANT…) anything but a VCALENDAR may appear. */
export function childAllowed(parent: string, child: string): boolean {
  if (child === 'VCALENDAR') return false;
  if (child.startsWith('X-')) return true;
  const spec = COMPONENTS[parent];
  return spec ? spec.children.includes(child) : true;
}
