// Time zones: the names a calendar may use. A zone is known when the VTIMEZONE library has data for it (the
// feeds carry it) and ICU knows it (Temporal computes its offsets), so `validate` and `check` accept exactly
// what `feeds` and `serve` can publish. An IANA link (Asia/Calcutta, Europe/Kiev, US/Eastern) stands for the
// zone it links to: the schema hands on the canonical name, so every output, each VTIMEZONE included, names
// one zone one way. Names are case-sensitive, as in the tz database.
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
let listed: ReadonlySet<string> | undefined;
const canonical = new Map<string, string | undefined>();

/** Every name the VTIMEZONE library knows: canonical zones and their links. */
export const zoneNames = (): ReadonlySet<string> => (listed ??= new Set(tzlib_get_timezones() as string[]));

let icuCanonical: ReadonlySet<string> | undefined;

// ICU's own list answers for nearly every zone in about a millisecond; only a name outside it (ICU lists
// Asia/Calcutta, not Asia/Kolkata) is tried on Intl.DateTimeFormat, whose first use costs about 12 ms.
const icuKnows = (zone: string): boolean => {
  icuCanonical ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (icuCanonical.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * The canonical IANA name of `zone` (itself, or the zone a link names), or undefined when it is not a known
 * zone as written.
 * @example canonicalZone('Asia/Calcutta') //=> 'Asia/Kolkata'
 */
export function canonicalZone(zone: string): string | undefined {
  if (canonical.has(zone)) return canonical.get(zone);
  let name: string | undefined;
  if (ZONE_NAME.test(zone) && zoneNames().has(zone)) {
    const block = (tzlib_get_ical_block(zone) as string[])[0] ?? '';
    const tzid = /^TZID:([^\r\n]+)/m.exec(block)?.[1];
    if (tzid !== undefined && zoneNames().has(tzid) && icuKnows(tzid)) name = tzid;
  }
  canonical.set(zone, name);
  return name;
}

/**
 * The canonical name of a known zone written with other capitals (`america/panama` → America/Panama), for a
 * "did you mean".
 */
export function zoneInOtherCase(zone: string): string | undefined {
  const lower = zone.toLowerCase();
  for (const name of zoneNames()) if (name.toLowerCase() === lower) return canonicalZone(name);
  return undefined;
}
