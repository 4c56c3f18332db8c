// Emitted events → one .ics feed (profile "snapshot": no METHOD, no ORGANIZER, DTSTAMP = last change).
// ical-generator 10.2.0 writes each VEVENT (its TEXT escaping is correct), but none
// of its unsafe defaults is used: every UID and DTSTAMP is explicit, start ≤ end is checked here (it would
// silently swap them), and the VCALENDAR frame is written here because ical-generator neither escapes NAME
// nor can put calendar properties before the components, and it omits the final CRLF.
import ical, { ICalAlarmType, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import { isoDate } from '../../core/dates/parse.js';
import type { EmittedEvent, FeedScope } from '../../core/feeds/types.js';
import { UID_PATTERN } from '../../core/feeds/uid.js';
import { translator } from '../../i18n/define.js';
import { feedsMessages } from '../../i18n/messages/feeds.js';
import type { Lang } from '../../schema/primitives.js';
import { describeEvent } from './describe.js';
import { cleanLine, cleanText, escapeText, foldLines } from './text.js';
import { checkZone, vtimezone, zonedStart } from './zones.js';

/** RFC 7986 REFRESH-INTERVAL and X-PUBLISHED-TTL: a suggestion to poll twice a day. */
export const DEFAULT_REFRESH = 'PT12H';

export interface RenderFeedInput {
  scope: FeedScope;
  lang: Lang;
  /** The events of this feed, in order. */
  events: readonly EmittedEvent[];
  /** Zones every timed milestone is also shown in (the regions' zones). */
  zones: readonly string[];
  /** Display alarms before deadlines (point milestones, window ends, short spans), e.g. ['P14D', 'P2D']. */
  alarms: readonly string[];
  refresh?: string;
  /**
   * VEVENTs already rendered (and folded) for this language, zones and alarms, filled as events are rendered: an
   * event's text does not depend on the feed, and joint.ics repeats every event of eu.ics and latam.ics.
   */
  rendered?: Map<EmittedEvent, string>;
  /**
   * Stop as soon as the feed is known to exceed this many bytes (the caller refuses it), rather than build it
   * whole first: `tooLarge` is called with the number of events rendered, and must throw, once the text
   * rendered so far is longer.
   */
  limit?: { maxBytes: number; tooLarge: (eventsRendered: number) => never };
}

/** The PRODID line of every feed and every CalDAV resource. */
export const prodId = (lang: Lang): string => `PRODID:-//cyclesync//cyclesync feeds//${lang.toUpperCase()}`;

/** An alarm's or the refresh interval's length: weeks, days, hours or minutes (`P14D`, `PT12H`), never negative. */
function seconds(iso: string): number {
  let d: Temporal.Duration | undefined;
  try {
    d = Temporal.Duration.from(iso);
  } catch {
    d = undefined;
  }
  if (
    !d ||
    d.sign < 0 ||
    d.years !== 0 ||
    d.months !== 0 ||
    d.seconds !== 0 ||
    d.milliseconds !== 0 ||
    iso.startsWith('+')
  )
    throw new CycleSyncError({
      code: 'USAGE',
      message: `${JSON.stringify(iso)} is not a duration of weeks, days, hours or minutes`,
      expected: 'e.g. P14D, P2D, PT12H, P1W',
    });
  return d.total({ unit: 'seconds', relativeTo: '2000-01-01' });
}

/** `--remind` durations as the seconds before an event that each VALARM triggers, checked once. */
export const alarmTriggers = (alarms: readonly string[]): number[] => alarms.map(seconds);

export function renderFeed(input: RenderFeedInput): string {
  const t = translator(feedsMessages, input.lang);
  const refresh = input.refresh ?? DEFAULT_REFRESH;
  seconds(refresh);
  // Parsed once per feed, not once per event.
  const triggers = alarmTriggers(input.alarms);
  const name = escapeText(cleanLine(t(`feed.${input.scope}.name`)));
  const description = escapeText(cleanText(t(`feed.${input.scope}.description`)));
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    prodId(input.lang),
    'CALSCALE:GREGORIAN',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
    `DESCRIPTION:${description}`,
    `X-WR-CALDESC:${description}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
    `X-PUBLISHED-TTL:${refresh}`,
  ];
  const zones = [...new Set(input.events.filter(e => e.item.time).map(e => checkZone(e.item.zone)))].sort();
  const calendar = ical();
  // UTF-16 length never exceeds UTF-8 bytes: once the characters alone are over the limit, so are the bytes.
  let length = head.join('\r\n').length;
  // Each event folded once, as it is rendered: joint.ics then reuses the folded text of eu.ics's and latam.ics's.
  const events = input.events.map((e, i) => {
    let text = input.rendered?.get(e);
    if (text === undefined) {
      text = foldLines(renderEvent(calendar, e, input, triggers).replace(/\r\n$/, ''));
      input.rendered?.set(e, text);
    }
    length += text.length + 2;
    if (input.limit && length > input.limit.maxBytes) input.limit.tooLarge(i + 1);
    return text;
  });
  const top = foldLines([...head, ...zones.map(vtimezone)].join('\r\n'));
  return `${[top, ...events, 'END:VCALENDAR'].join('\r\n')}\r\n`;
}

type Calendar = ReturnType<typeof ical>;

/**
 * One VEVENT (CRLF-terminated lines), as every feed carries it; `properties` adds X- properties after the
 * standard ones (names and values must already be safe: ical-generator writes them as they are).
 */
export function renderEvent(
  calendar: Calendar,
  event: EmittedEvent,
  input: Pick<RenderFeedInput, 'lang' | 'zones'>,
  triggers: readonly number[],
  properties: ReadonlyArray<[string, string]> = []
): string {
  const { item } = event;
  if (!UID_PATTERN.test(item.uid))
    throw new CycleSyncError({ code: 'FEED_INVALID', message: `unsafe UID ${JSON.stringify(item.uid)}`, exitCode: 3 });
  const start = isoDate(item.start);
  const last = isoDate(item.end);
  if (Temporal.PlainDate.compare(start, last) > 0)
    throw new CycleSyncError({
      code: 'FEED_INVALID',
      message: `event ${item.uid} ends (${item.end}) before it starts (${item.start})`,
      exitCode: 3,
    });
  const text = describeEvent(event, input.lang, input.zones);
  const deadline = !event.cancelled && (item.role === 'point' || item.role === 'end' || item.role === 'span');
  const timing = item.time
    ? { start: zonedStart(item.start, item.time, checkZone(item.zone)).toPlainDateTime(), timezone: item.zone }
    : { start, end: last.add({ days: 1 }), allDay: true };
  const ev = calendar.createEvent({
    id: item.uid,
    sequence: event.sequence,
    // A Date, not Temporal.Instant.from: the same UTC instant, without the polyfill's ISO parser per event.
    stamp: new Date(event.stamp),
    ...timing,
    summary: text.summary,
    description: text.description,
    categories: text.categories.map(name => ({ name })),
    // Projections, announcements no later source confirms, and alignment risks are tentative.
    status: event.cancelled
      ? ICalEventStatus.CANCELLED
      : item.status === 'projected' || item.announced || item.finding
        ? ICalEventStatus.TENTATIVE
        : ICalEventStatus.CONFIRMED,
    ...(item.url ? { url: item.url } : {}),
    transparency: ICalEventTransparency.TRANSPARENT,
    alarms: deadline
      ? triggers.map(trigger => ({ type: ICalAlarmType.display, trigger, description: text.summary }))
      : [],
    ...(properties.length > 0 ? { x: properties.map(([name, value]): [string, string] => [name, value]) } : {}),
  });
  return ev.toString();
}
