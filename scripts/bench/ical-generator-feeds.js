// The anchor of the bench's `feeds` row: ical-generator alone writing the same events to the same files.
// `node scripts/bench/ical-generator-feeds.js EVENTS.json OUT_DIR`; EVENTS.json maps a file name to its events,
// read by the bench from the feeds that `cyclesync feeds` wrote. Run with TZ=UTC (all-day dates are UTC days).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ical, { ICalEventStatus } from 'ical-generator';

const [eventsFile, outDir] = process.argv.slice(2);
const feeds = JSON.parse(readFileSync(eventsFile, 'utf8'));
mkdirSync(outDir, { recursive: true });
for (const [file, events] of Object.entries(feeds)) {
  const cal = ical({ name: file, prodId: '//cyclesync//bench anchor//EN' });
  for (const e of events)
    cal.createEvent({
      id: e.uid,
      start: new Date(e.start),
      end: new Date(e.end),
      allDay: e.allDay,
      stamp: new Date(e.stamp),
      sequence: e.sequence,
      summary: e.summary,
      description: e.description,
      categories: e.categories.map(name => ({ name })),
      ...(e.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
    });
  writeFileSync(path.join(outDir, file), cal.toString() + '\r\n'); // ical-generator 10 omits the final CRLF
}
