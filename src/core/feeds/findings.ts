// Alignment findings as events of joint.ics: one all-day event per rule × instance that does not hold, on
// the day of the latest compared milestone (when the risk materialises), titled "⚠ Alignment risk: <rule>".
// The UID is `finding.<rule>.<instance>@<domain>`: stable while the rule keeps failing in that instance,
// so a finding that goes away is cancelled like a removed milestone.
import { Temporal } from 'temporal-polyfill';
import type { Localized } from '../../schema/primitives.js';
import type { Evaluation } from '../alignment/types.js';
import type { FeedItem } from './types.js';
import { makeUid } from './uid.js';

export interface FindingItemsInput {
  findings: readonly Evaluation[];
  /** A finding's message in every language (the caller renders it: render/findings owns the wording). */
  message: (finding: Evaluation) => Localized;
  descriptions: ReadonlyMap<string, Localized>;
  rulesFile: string;
  domain: string;
  cycleName: Localized;
}

const { compare } = Temporal.PlainDate;

export function findingItems(input: FindingItemsInput): FeedItem[] {
  return input.findings.map(e => {
    const latest = e.milestones
      .map(m => m.start)
      .sort(compare)
      .at(-1);
    // A rule that compares no milestone (the cycles' lengths) is shown on the instance's first day.
    const day = (latest ?? new Temporal.PlainDate(Number(e.instance.slice(0, 4)), 1, 1)).toString();
    const message = input.message(e);
    return {
      uid: makeUid(['finding', e.rule, e.instance], input.domain),
      role: 'finding',
      feeds: ['joint'],
      start: day,
      end: day,
      time: undefined,
      zone: 'UTC',
      window: undefined,
      precision: 'day',
      milestone: e.rule,
      cycle: 'alignment',
      cycleName: input.cycleName,
      region: 'joint',
      instance: e.instance,
      year: undefined,
      title: input.descriptions.get(e.rule) ?? message,
      status: undefined,
      basis: undefined,
      confidence: undefined,
      source: input.rulesFile,
      finding: {
        rule: e.rule,
        clauses: [...e.clauses],
        severity: e.severity,
        status: e.status,
        ...(e.slackDays === null ? {} : { slackDays: e.slackDays }),
        message,
        milestones: e.milestones.map(m => ({
          id: m.id,
          label: [m.id, m.instance, m.year].filter(x => x !== undefined).join(' '),
          start: m.start.toString(),
          end: m.end.toString(),
        })),
        rulesFile: input.rulesFile,
      },
    };
  });
}
