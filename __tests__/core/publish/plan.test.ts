import { describe, expect, test } from '@jest/globals';
import { planSync } from '../../../src/core/publish/plan.js';
import type { DesiredResource, ServerResource } from '../../../src/core/publish/plan.js';

const desired = (uid: string, digest = `d-${uid}`, cancelled = false): DesiredResource => ({
  uid,
  name: `${uid}.ics`,
  digest,
  cancelled,
});

/** One of ours on the server, as published with `digest` (and holding `actual` now). */
const ours = (uid: string, digest = `d-${uid}`, actual = digest, cancelled = false): ServerResource => ({
  href: `https://dav.example/cal/${uid}.ics`,
  etag: `"e-${uid}"`,
  uid,
  kind: 'ours',
  storedDigest: digest,
  actualDigest: actual,
  cancelled,
});
const other = (uid: string | undefined, kind: 'foreign' | 'unreadable' = 'foreign'): ServerResource => ({
  ...ours(uid ?? 'none'),
  uid,
  kind,
  storedDigest: undefined,
  actualDigest: undefined,
});

const kinds = (plan: ReturnType<typeof planSync>) =>
  plan.writes.map(w => `${w.kind} ${w.kind === 'delete' ? w.server.uid : w.desired.uid}`);

describe('planSync', () => {
  test('an empty calendar: every event is created', () => {
    const plan = planSync([], [desired('a'), desired('b')]);
    expect(kinds(plan)).toEqual(['create a', 'create b']);
    expect(plan).toMatchObject({ conflicts: [], unchanged: 0, foreign: 0 });
  });

  test('the same content (by digest) is no write; a changed one replaces the version listed', () => {
    const plan = planSync([ours('a'), ours('b')], [desired('a'), desired('b', 'new')]);
    expect(kinds(plan)).toEqual(['update b']);
    expect(plan.writes[0]).toMatchObject({ server: { etag: '"e-b"', href: 'https://dav.example/cal/b.ics' } });
    expect(plan.unchanged).toBe(1);
  });

  test('a cancellation is a write of its own kind; an event already cancelled that changes is an update', () => {
    const plan = planSync(
      [ours('a'), ours('b', 'd-b', 'd-b', true)],
      [desired('a', 'gone', true), desired('b', 'changed', true)]
    );
    expect(kinds(plan)).toEqual(['cancel a', 'update b']);
  });

  test('events of ours the feed no longer holds are deleted; foreign ones are counted and never touched', () => {
    const plan = planSync([ours('a'), ours('old'), other('note@unit.example'), other(undefined)], [desired('a')]);
    expect(kinds(plan)).toEqual(['delete old']);
    expect(plan.foreign).toBe(2);
  });

  test('an edit on the server: kept while the feed has nothing new for it, a conflict when it has', () => {
    const edited = ours('a', 'd-a', 'someone-else');
    expect(planSync([edited], [desired('a')])).toMatchObject({
      writes: [],
      unchanged: 1,
      editedKept: 1,
      conflicts: [],
    });
    const changed = planSync([edited], [desired('a', 'new')]);
    expect(changed.writes).toEqual([]);
    expect(changed.conflicts).toEqual([{ reason: 'edited', uid: 'a', hrefs: [edited.href] }]);
    // Nor is an edited event deleted when the feed drops it.
    expect(planSync([edited], []).conflicts).toEqual([{ reason: 'edited', uid: 'a', hrefs: [edited.href] }]);
  });

  test('a UID of the feed held by something else, by an unreadable one of ours, or twice: conflicts, no write', () => {
    const plan = planSync(
      [other('a'), other('b', 'unreadable'), ours('c'), { ...ours('c'), href: 'https://dav.example/cal/c2.ics' }],
      [desired('a'), desired('b'), desired('c', 'new')]
    );
    expect(plan.writes).toEqual([]);
    expect(plan.conflicts.map(c => [c.reason, c.uid, c.hrefs.length])).toEqual([
      ['foreign-uid', 'a', 1],
      ['unreadable', 'b', 1],
      ['duplicate-uid', 'c', 2],
    ]);
    // An unreadable one of ours the feed does not hold is not deleted either.
    expect(planSync([other('z', 'unreadable')], []).conflicts).toEqual([
      { reason: 'unreadable', uid: 'z', hrefs: ['https://dav.example/cal/z.ics'] },
    ]);
  });
});
