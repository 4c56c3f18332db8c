// One event as a CalDAV calendar object resource (RFC 4791 §4.1): a VCALENDAR holding one VEVENT and the
// VTIMEZONE it uses, with no METHOD and no calendar-level properties (a server drops NAME and
// REFRESH-INTERVAL anyway). The VEVENT is the one the feeds carry, rendered by the same function, plus the
// X-CYCLESYNC- properties by which a later run recognises its own events.
import ical from 'ical-generator';
import { CycleSyncError } from '../../errors.js';
import type { EmittedEvent } from '../../core/feeds/types.js';
import type { Lang } from '../../schema/primitives.js';
import { prodId, renderEvent } from './calendar.js';
import { foldLines } from './text.js';
import { checkZone, vtimezone } from './zones.js';

export interface ResourceInput {
  event: EmittedEvent;
  lang: Lang;
  /** The regions' zones a timed milestone's description also shows its time in. */
  zones: readonly string[];
  /** Seconds before a deadline each display alarm fires (`alarmTriggers`). */
  triggers: readonly number[];
  /** X- properties of the VEVENT, in order: names `X-CYCLESYNC-…`, values of letters, digits and `-_.:`. */
  properties: ReadonlyArray<[string, string]>;
}

const SAFE_NAME = /^X-CYCLESYNC-[A-Z]+$/;
/** ical-generator writes X- values as they are: only characters that need no escaping and fold anywhere. */
const SAFE_VALUE = /^[A-Za-z0-9_.:-]+$/;

export function renderResource(input: ResourceInput): string {
  for (const [name, value] of input.properties)
    if (!SAFE_NAME.test(name) || !SAFE_VALUE.test(value))
      throw new CycleSyncError({
        code: 'FEED_INVALID',
        message: `unsafe resource property ${JSON.stringify(name)}`,
        exitCode: 3,
      });
  const event = renderEvent(ical(), input.event, input, input.triggers, input.properties).replace(/\r\n$/, '');
  const zones = input.event.item.time ? [vtimezone(checkZone(input.event.item.zone))] : [];
  const body = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    prodId(input.lang),
    'CALSCALE:GREGORIAN',
    ...zones,
    event,
    'END:VCALENDAR',
  ];
  return `${foldLines(body.join('\r\n'))}\r\n`;
}
