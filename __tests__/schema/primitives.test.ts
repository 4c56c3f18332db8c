// isKnownTimeZone answers from ICU's canonical list first and asks Intl.DateTimeFormat only for other
// names; both paths must agree with what Intl accepts.
import { describe, expect, test } from '@jest/globals';
import { isKnownTimeZone } from '../../src/schema/primitives.js';

const intlAccepts = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

describe('isKnownTimeZone', () => {
  test.each(['Europe/Brussels', 'America/Panama', 'America/Argentina/Buenos_Aires', 'UTC'])('accepts %s', zone => {
    expect(isKnownTimeZone(zone)).toBe(true);
  });

  test.each(['US/Eastern', 'america/panama', 'Etc/GMT+5'])('accepts %s, which is not canonical, as Intl does', zone => {
    expect(Intl.supportedValuesOf('timeZone')).not.toContain(zone);
    expect(isKnownTimeZone(zone)).toBe(true);
  });

  test.each(['Mars/Olympus', 'Europe/Brussels ', '', '../etc/passwd', 'CET; DROP'])('rejects %j', zone => {
    expect(isKnownTimeZone(zone)).toBe(false);
  });

  test('agrees with Intl on every canonical zone', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.filter(z => isKnownTimeZone(z) !== intlAccepts(z))).toEqual([]);
  });
});
