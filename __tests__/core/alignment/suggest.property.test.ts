// Property: a suggested edit (a planned date for one milestone, its dependents following) makes every error rule
// of that instance hold anywhere in its window and not one day outside it; a suggested whole-cycle shift, applied
// as the what-if it names, makes every error rule hold, and no smaller shift does; when no single shift can, none
// within 400 days either way makes the rules it names hold together (checked day by day).
import { beforeAll, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  applyWhatIfs,
  buildViews,
  checkAlignment,
  evaluateCheck,
  formatShift,
} from '../../../src/core/alignment/index.js';
import type { AlignmentRule, WhatIf } from '../../../src/core/alignment/index.js';
import { daysBetween } from '../../../src/core/dates/days.js';
import { expandCalendar } from '../../../src/core/model/expand.js';
import type { Cycle } from '../../../src/core/model/types.js';
import { TODAY, load } from './fixture.js';
import type { Loaded } from './fixture.js';

let builtin: Loaded;
beforeAll(async () => {
  builtin = await load();
});

const INSTANCE = '2030-2033';
/** The what-if `--shift ideal.publication@2030=+P3D` names, built as the CLI would parse it. */
function shift(target: string, days: number): WhatIf {
  const [cycle = '', key] = target.split('.');
  const by = formatShift(days);
  const text = `${target}@2030=${by}`;
  return key === undefined
    ? { kind: 'shift-cycle', cycle, by, instance: 2030, text }
    : { kind: 'shift-milestone', cycle, key, by, instance: 2030, text };
}

/** The built-in rules, with some warnings made errors and the IDEAL-after-SOCTA window changed. */
function rulesWith(upgrade: readonly string[], maxGap: string): AlignmentRule[] {
  return builtin.ruleSet.rules.map(r => {
    const severity = upgrade.includes(r.id) ? 'error' : r.severity;
    const checks =
      r.id === 'ideal-follows-socta' ? r.checks.map(c => (c.kind === 'gap' ? { ...c, max: maxGap } : c)) : r.checks;
    return { ...r, severity, checks };
  });
}

const errorsHold = (cycles: Cycle[], rules: AlignmentRule[]): boolean =>
  checkAlignment({ cycles, rules, today: TODAY, instances: [2030] })
    .evaluations.filter(e => e.instance === INSTANCE && e.severity === 'error')
    .every(e => e.state !== 'violated');

const scenario = fc.record({
  publication: fc.integer({ min: -500, max: 500 }),
  priorities: fc.integer({ min: -200, max: 200 }),
  pao: fc.oneof(fc.constant(0), fc.integer({ min: -60, max: 60 })),
  upgrade: fc.subarray(['priorities-in-step', 'plans-nest', 'monitoring-cadence']),
  maxGap: fc.constantFrom('P6M', 'P3M', 'P9M', 'P200D', 'P1Y1M'),
});

test('applying a suggestion makes the check pass; no smaller shift would', () => {
  fc.assert(
    fc.property(scenario, s => {
      const cycles = applyWhatIfs(builtin.cycles, [
        shift('ideal.publication', s.publication),
        shift('ideal.priorities', s.priorities),
        shift('ideal.pao', s.pao),
      ]);
      const rules = rulesWith(s.upgrade, s.maxGap);
      const result = checkAlignment({ cycles, rules, today: TODAY, instances: [2030] });
      const suggestion = result.suggestions.find(x => x.instance === INSTANCE);
      const failing = result.evaluations.some(
        e => e.instance === INSTANCE && e.severity === 'error' && e.state === 'violated'
      );
      expect(suggestion !== undefined).toBe(failing);
      if (!suggestion) return;
      if (suggestion.edit) {
        const { milestone, suggested, from, to } = suggestion.edit;
        const now = result.evaluations
          .flatMap(e => (e.instance === INSTANCE ? e.checks.flatMap(c => c.milestones) : []))
          .find(m => m.id === milestone)!.start;
        const moved = (date: typeof suggested) =>
          errorsHold(applyWhatIfs(cycles, [shift(milestone, daysBetween(now, date))]), rules);
        expect(moved(suggested)).toBe(true);
        if (from) expect([moved(from), moved(from.subtract({ days: 1 }))]).toEqual([true, false]);
        if (to) expect([moved(to), moved(to.add({ days: 1 }))]).toEqual([true, false]);
      }
      if (suggestion.shiftDays !== undefined) {
        const applied = (days: number) => errorsHold(applyWhatIfs(cycles, [shift('ideal', days)]), rules);
        expect(suggestion.whatIf).toBe(`--shift ideal@2030-2033=${formatShift(suggestion.shiftDays)}`);
        expect(applied(suggestion.shiftDays)).toBe(true);
        // Smallest: one day closer to zero breaks a rule again.
        expect(applied(suggestion.shiftDays - Math.sign(suggestion.shiftDays))).toBe(false);
      } else {
        expect(suggestion.conflict?.rules.length).toBeGreaterThan(0);
        const [view] = buildViews(
          cycles,
          cycles.find(c => c.id === 'socta')!,
          [2030],
          { cycle: 'ideal' },
          {
            today: TODAY,
            expand: cs => expandCalendar(cs, { today: TODAY }),
          }
        );
        const named = suggestion.conflict!.rules;
        const errorChecks = rules.filter(r => named.includes(r.id)).flatMap(r => r.checks);
        for (let d = -400; d <= 400; d++) {
          const shifted = view!.shifted(d);
          expect({ d, all: errorChecks.every(c => evaluateCheck(c, shifted)?.holds ?? true) }).toEqual({
            d,
            all: false,
          });
        }
      }
    }),
    { numRuns: 20 }
  );
});
