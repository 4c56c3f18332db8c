// Rules files → a rule set: `extends` merges a planner's rules over the parent's by id (pure, on raw
// objects, so the merged result is validated once), then each rule becomes a list of checks.
import type { SourceLocation } from '../../errors.js';
import type { AlignmentFile } from '../../schema/alignment.schema.js';
import type { AlignmentRule, AlignmentRuleSet, Check } from './types.js';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The cycle fixes move when a rules file does not say: clause 20 calls SOCTA the established reference. */
export const DEFAULT_MOVABLE = 'ideal';

/**
 * A child rule that names a `kind` replaces the parent's rule whole (mixing two kinds' parameters would make
 * a rule neither file wrote); otherwise its fields override the parent's (`severity: off`, a new `max`), and
 * `description` and `interpretation` merge language by language.
 */
function mergeRule(parent: unknown, child: unknown): unknown {
  if (!isObject(parent) || !isObject(child) || 'kind' in child) return child;
  const out: Raw = { ...parent, ...child };
  for (const text of ['description', 'interpretation'])
    if (isObject(parent[text]) && isObject(child[text])) out[text] = { ...parent[text], ...child[text] };
  return out;
}

export function mergeRules(parent: unknown, child: unknown): unknown {
  if (!isObject(parent) || !isObject(child)) return child;
  const out: Raw = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    if (key === 'extends') continue;
    const base = parent[key];
    if (key === 'rules' && isObject(base) && isObject(value)) {
      const rules: Raw = { ...base };
      for (const [id, rule] of Object.entries(value)) rules[id] = mergeRule(base[id], rule);
      out[key] = rules;
    } else out[key] = value;
  }
  return out;
}

export function toRuleSet(
  file: AlignmentFile,
  locate: (path: readonly (string | number)[]) => SourceLocation | undefined,
  files: string[]
): AlignmentRuleSet {
  const rules: AlignmentRule[] = Object.entries(file.rules).map(([id, rule]) => {
    const at = locate(['rules', id]);
    const meta = {
      id,
      clauses: rule.clauses,
      severity: rule.severity,
      description: rule.description,
      ...(rule.interpretation ? { interpretation: rule.interpretation } : {}),
      ...(at ? { at } : {}),
    };
    if (rule.kind === 'all') return { ...meta, kind: 'all', checks: rule.checks };
    const { clauses: _c, severity: _s, description: _d, interpretation: _i, ...check } = rule;
    return { ...meta, kind: rule.kind, checks: [check as Check] };
  });
  return {
    rules,
    movable: file.movable ?? DEFAULT_MOVABLE,
    files,
    ...(files.length > 1 ? { extendsAt: locate(['extends']) } : {}),
  };
}
