// The rules file format: each kind's parameters, cross-field conditions, and the merge of `extends`.
import { describe, expect, test } from '@jest/globals';
import { mergeRules } from '../../../src/core/alignment/index.js';
import { ruleSchema } from '../../../src/schema/alignment.schema.js';

const meta = { clauses: [20], severity: 'error', description: { en: 'x', es: 'x', pt: 'x' } };
const issues = (rule: object) => {
  const r = ruleSchema.safeParse({ ...meta, ...rule });
  return r.success ? [] : r.error.issues.map(i => `${i.path.join('.')}: ${i.message}`);
};

describe('rule schema', () => {
  test.each([
    [{ kind: 'gap', from: 'socta.publication', to: 'ideal.publication', max: 'P6M' }, []],
    [{ kind: 'gap', from: 'socta.publication', to: 'ideal.publication' }, ['max: a `gap` needs `min`, `max` or both']],
    [{ kind: 'cadence', of: 'ideal.monitoring' }, ['every: a `cadence` needs `every`, `after` or both']],
    [{ kind: 'cadence', of: 'ideal.monitoring', every: '-P1Y' }, ['every: `every` must be a positive duration']],
    [
      { kind: 'before', latest: ['socta.publication'], target: 'joint.joint-operations', lead: '-P1M' },
      ['lead: `lead` must not be negative'],
    ],
    [{ kind: 'nest', inner: 'ideal.pao', outer: 'socta.oap', max: 'P1D' }, [': Unrecognized key: "max"']],
    [
      { kind: 'gap', from: 'socta', to: 'ideal.publication', min: 'P0D' },
      ['from: expected a milestone id like "socta.publication" (add ".end" for the last day of a window)'],
    ],
    [
      {
        kind: 'all',
        checks: [
          { kind: 'same-period', cycles: ['socta', 'ideal'] },
          { kind: 'gap', from: 'socta.masp.end', to: 'ideal.pao', min: 'P0D' },
        ],
      },
      [],
    ],
    [
      { kind: 'all', checks: [{ kind: 'gap', from: 'socta.masp', to: 'ideal.pao' }] },
      ['checks.0.max: a `gap` needs `min`, `max` or both'],
    ],
  ])('%j', (rule, expected) => {
    expect(issues(rule)).toEqual(expected);
  });
});

describe('extends: rules merge by id', () => {
  const parent = {
    movable: 'ideal',
    rules: {
      a: { ...meta, kind: 'gap', from: 'socta.publication', to: 'ideal.publication', min: 'P0D', max: 'P6M' },
      b: { ...meta, kind: 'nest', inner: 'ideal.pao', outer: 'socta.oap' },
    },
  };

  test('a field overrides, a description merges by language, new rules join, a kind replaces the rule', () => {
    const merged = mergeRules(parent, {
      extends: 'builtin:alignment',
      rules: {
        a: { max: 'P3M', description: { es: 'y' } },
        b: { kind: 'same-period', cycles: ['socta', 'ideal'], ...meta },
        c: { ...meta, kind: 'cadence', of: 'ideal.monitoring', every: 'P1Y' },
      },
    }) as { movable: string; rules: Record<string, Record<string, unknown>> };
    expect(merged.movable).toBe('ideal');
    expect(merged.rules['a']).toEqual({ ...parent.rules.a, max: 'P3M', description: { en: 'x', es: 'y', pt: 'x' } });
    expect(merged.rules['b']).toEqual({ kind: 'same-period', cycles: ['socta', 'ideal'], ...meta });
    expect(Object.keys(merged.rules)).toEqual(['a', 'b', 'c']);
    expect('extends' in merged).toBe(false);
  });
});
