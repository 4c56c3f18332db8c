// The writes that make a CalDAV collection hold exactly one feed, from what the server lists and what the
// feed holds; pure. The listing is the truth: nothing is remembered between runs but what the events on the
// server carry, so a run that stopped half-way is completed by the next one, with no duplicate.
// - An event of the feed that the server lacks is created; one whose content differs is replaced (a
//   cancelled one included); one of ours the feed no longer holds is deleted.
// - Only events of ours (our UID domain AND our X-CYCLESYNC- properties) are ever written or deleted.
// - An event of ours that someone edited on the server (its content no longer matches the digest it was
//   published with) is left as it is: when the feed has something new for it, that is a conflict.

/** What the server holds at one href. */
export interface ServerResource {
  href: string;
  etag: string;
  uid: string | undefined;
  /**
   * ours: our domain and properties, readable; unreadable: our domain and properties, but the lifecycle they
   * carry cannot be read; foreign: anything else (never touched).
   */
  kind: 'ours' | 'unreadable' | 'foreign';
  /** The digest stored when the event was published, and the digest of what the server holds now. */
  storedDigest: string | undefined;
  actualDigest: string | undefined;
  cancelled: boolean;
}

/** One event of the feed, rendered as a resource. */
export interface DesiredResource {
  uid: string;
  /** The resource name, for a new event (`resourceName(uid)`). */
  name: string;
  digest: string;
  cancelled: boolean;
}

export type Write =
  | { kind: 'create'; desired: DesiredResource }
  | { kind: 'update' | 'cancel'; desired: DesiredResource; server: ServerResource }
  | { kind: 'delete'; server: ServerResource };

export type ConflictReason =
  /** Edited on the server since it was published, and the feed has a change (or a deletion) for it. */
  | 'edited'
  /** Something that is not ours holds a UID of the feed. */
  | 'foreign-uid'
  /** Ours by its marks, but the lifecycle it carries was changed beyond reading. */
  | 'unreadable'
  /** More than one resource holds the UID. */
  | 'duplicate-uid'
  /** The server refused a write of the plan: changed since the listing (412), or the UID is elsewhere (409). */
  | 'changed-during-run';

export interface Conflict {
  reason: ConflictReason;
  uid: string | undefined;
  hrefs: string[];
  /** The status the server refused a write with (changed-during-run). */
  status?: number;
}

export interface SyncPlan {
  writes: Write[];
  conflicts: Conflict[];
  unchanged: number;
  /** Unchanged on our side but edited on the server: kept as the server has it. */
  editedKept: number;
  /** Resources that are not ours and hold no UID of the feed: left alone. */
  foreign: number;
}

const isEdited = (r: ServerResource): boolean => r.storedDigest !== r.actualDigest;

export function planSync(server: readonly ServerResource[], desired: readonly DesiredResource[]): SyncPlan {
  const byUid = new Map<string, ServerResource[]>();
  for (const r of server) if (r.uid !== undefined) byUid.set(r.uid, [...(byUid.get(r.uid) ?? []), r]);
  const plan: SyncPlan = { writes: [], conflicts: [], unchanged: 0, editedKept: 0, foreign: 0 };
  const conflict = (reason: ConflictReason, uid: string | undefined, rs: readonly ServerResource[]): void => {
    plan.conflicts.push({ reason, uid, hrefs: rs.map(r => r.href) });
  };

  const wanted = new Set(desired.map(d => d.uid));
  for (const d of desired) {
    const found = byUid.get(d.uid) ?? [];
    const r = found[0];
    if (r === undefined) plan.writes.push({ kind: 'create', desired: d });
    else if (found.length > 1) conflict('duplicate-uid', d.uid, found);
    else if (r.kind !== 'ours') conflict(r.kind === 'foreign' ? 'foreign-uid' : 'unreadable', d.uid, found);
    else if (r.storedDigest === d.digest) {
      plan.unchanged++;
      if (isEdited(r)) plan.editedKept++;
    } else if (isEdited(r)) conflict('edited', d.uid, found);
    else plan.writes.push({ kind: d.cancelled && !r.cancelled ? 'cancel' : 'update', desired: d, server: r });
  }

  for (const r of server) {
    if (r.uid !== undefined && wanted.has(r.uid)) continue;
    if (r.kind === 'foreign') plan.foreign++;
    else if (r.kind === 'unreadable') conflict('unreadable', r.uid, [r]);
    else if (isEdited(r)) conflict('edited', r.uid, [r]);
    else plan.writes.push({ kind: 'delete', server: r });
  }
  return plan;
}
