// The gate every feed passes before it is written or served: the linter (profile "snapshot") and a parse
// back with ical.js that must find exactly the events the feed was built from.
import ICAL from 'ical.js';
import { CycleSyncError } from '../errors.js';
import { lintIcs } from '../core/ics-lint/index.js';

const NOTHING_WRITTEN = 'nothing was written; this is a bug in cyclesync, please report it with your calendar files';

/** Lints a feed (profile "snapshot") and parses it back with ical.js: it must hold exactly `uids`. */
export function verifyFeed(name: string, bytes: Uint8Array, uids: readonly string[]): void {
  const errors = lintIcs(bytes, { profile: 'snapshot' }).filter(f => f.severity === 'error');
  if (errors.length > 0)
    throw new CycleSyncError({
      code: 'FEED_INVALID',
      message: `${name} failed the feed linter: ${errors[0]!.rule} at line ${errors[0]!.line}: ${errors[0]!.message}`,
      more: errors.slice(1, 10).map(f => `${f.rule} at line ${f.line}: ${f.message}`),
      hint: NOTHING_WRITTEN,
    });
  let parsed: string[];
  try {
    const root = new ICAL.Component(ICAL.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    parsed = root.getAllSubcomponents('vevent').map(v => String(v.getFirstPropertyValue('uid')));
  } catch (e) {
    throw new CycleSyncError({
      code: 'FEED_INVALID',
      message: `${name} does not parse back: ${(e as Error).message}`,
      hint: NOTHING_WRITTEN,
      cause: e,
    });
  }
  if (parsed.join('\n') !== uids.join('\n'))
    throw new CycleSyncError({
      code: 'FEED_INVALID',
      message: `${name} parses back with ${parsed.length} events instead of the ${uids.length} it was built from`,
      hint: NOTHING_WRITTEN,
    });
}

/** verifyFeed for every .ics of a build: the gate `feeds` applies before writing and `serve` before serving. */
export function verifyFeeds(built: {
  files: ReadonlyArray<{ name: string; bytes: Uint8Array }>;
  uids: Readonly<Record<string, readonly string[]>>;
}): void {
  for (const f of built.files) if (f.name.endsWith('.ics')) verifyFeed(f.name, f.bytes, built.uids[f.name] ?? []);
}
