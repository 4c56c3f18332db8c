// What `publish` did (or, with --dry-run, would do) to the calendar collection, as text: the counts, every
// write, every conflict with what to do about it, and the requests sent.
import type { Conflict, ConflictReason, Write } from '../../core/publish/plan.js';

export interface PublishReport {
  scope: string;
  lang: string;
  events: number;
  collection: string;
  dryRun: boolean;
  /** The collection did not exist: made (or, in a dry run, to be made) with MKCALENDAR under this name. */
  createdAs: string | undefined;
  /** The writes made (or planned, in a dry run). */
  writes: readonly Write[];
  /** Events left as they are on the server, with why: the plan's conflicts and the writes the server refused. */
  conflicts: readonly Conflict[];
  unchanged: number;
  editedKept: number;
  foreign: number;
  requests: Readonly<Record<string, number>>;
}

const KINDS = ['create', 'update', 'cancel', 'delete'] as const;
const DONE = { create: 'created', update: 'updated', cancel: 'cancelled', delete: 'deleted' } as const;

const WHY: Record<ConflictReason, string> = {
  edited:
    'edited on the server since cyclesync published it, so the feed’s change (or removal) was not applied; delete it on the server to let the next run publish the feed’s version',
  'foreign-uid':
    'an event cyclesync did not write holds this UID, so the feed’s event was not published; remove that event, or keep this calendar for cyclesync alone',
  unreadable:
    'it carries cyclesync’s marks but its X-CYCLESYNC-STATE was changed beyond reading; delete it on the server to let the next run publish it again',
  'duplicate-uid': 'more than one resource holds this UID; keep one',
  'changed-during-run': 'the server refused the write',
};

function conflictLines(c: Conflict): string[] {
  const refused =
    c.status === 412
      ? 'it changed on the server during this run (412 Precondition Failed); the next run looks again'
      : `${WHY[c.reason]} (${c.status ?? ''} Conflict: another resource holds its UID)`;
  return [
    `  ${c.reason}  ${c.uid ?? '(no UID)'}`,
    ...c.hrefs.map(h => `    at ${h}`),
    `    ${c.reason === 'changed-during-run' ? refused : WHY[c.reason]}`,
  ];
}

export function renderPublishReport(r: PublishReport): string {
  const counts = KINDS.map(k => {
    const n = r.writes.filter(w => w.kind === k).length;
    return r.dryRun ? `${n} to ${k}` : `${n} ${DONE[k]}`;
  });
  const requests = Object.entries(r.requests).sort(([a], [b]) => (a < b ? -1 : 1));
  const total = requests.reduce((sum, [, n]) => sum + n, 0);
  const lines = [
    `${r.dryRun ? 'dry run: ' : ''}the ${r.scope} feed in ${r.lang} (${r.events} event${r.events === 1 ? '' : 's'}) → ${r.collection}`,
    ...(r.createdAs === undefined
      ? []
      : [`${r.dryRun ? 'would create' : 'created'} the calendar collection "${r.createdAs}" (MKCALENDAR)`]),
    [
      counts.join(', '),
      `${r.unchanged} unchanged${r.editedKept > 0 ? ` (${r.editedKept} of them edited on the server, kept)` : ''}`,
      `${r.conflicts.length} conflict${r.conflicts.length === 1 ? '' : 's'}`,
      `${r.foreign} not cyclesync's (left alone)`,
    ].join(' · '),
    ...r.writes.map(
      w => `  ${w.kind.padEnd(6)}  ${w.kind === 'delete' ? (w.server.uid ?? w.server.href) : w.desired.uid}`
    ),
    ...(r.conflicts.length > 0
      ? ['conflicts, left as they are on the server:', ...r.conflicts.flatMap(conflictLines)]
      : []),
    `requests: ${total}${total > 0 ? ` (${requests.map(([m, n]) => `${m} ${n}`).join(', ')})` : ''}${r.dryRun ? '; no write was sent' : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}
