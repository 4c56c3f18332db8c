// Event UIDs: derived only from stable identity (cycle id, milestone key, instance, occurrence year, marker
// role) at a configurable domain. Never random, never positional, never from a date that can move, so the
// same milestone keeps its UID across runs, machines and languages (RFC 5545 §3.8.4.7).
import { CycleSyncError } from '../../errors.js';
import { UID_PATTERN } from '../../schema/feed-state-format.js';

// The state file's schema checks stored UIDs with the same pattern.
export { UID_PATTERN };

/** A lower-case DNS name with at least two labels, e.g. `feeds.example.org`. */
export const DOMAIN_PATTERN =
  /^(?=.{4,100}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** The default UID domain: reserved (RFC 2606), so it can never clash with a real publisher's UIDs. */
export const DEFAULT_UID_DOMAIN = 'cyclesync.invalid';

export function checkDomain(domain: string): string {
  if (!DOMAIN_PATTERN.test(domain))
    throw new CycleSyncError({
      code: 'USAGE',
      message: `--domain ${JSON.stringify(domain)} is not a lower-case domain name`,
      expected: 'a domain such as feeds.example.org (letters, digits, hyphens, dots)',
      hint: 'UIDs end in @<domain>; use a domain you control and never change it, or subscribers get duplicates',
    });
  return domain;
}

/**
 * @example makeUid(['socta', 'oap', '2026-2029', 2027, 'end'], 'cyclesync.invalid')
 *   //=> "socta.oap.2026-2029.2027.end@cyclesync.invalid"
 */
export function makeUid(parts: ReadonlyArray<string | number | undefined>, domain: string): string {
  const uid = `${parts.filter(p => p !== undefined && p !== '').join('.')}@${domain}`;
  if (!UID_PATTERN.test(uid))
    throw new CycleSyncError({
      code: 'FEED_INVALID',
      message: `event UID ${JSON.stringify(uid)} has characters outside [A-Za-z0-9._@-] or is too long`,
      hint: 'cycle ids, milestone keys and rule ids must be kebab-case slugs',
      exitCode: 3,
    });
  return uid;
}
