// Loads the alignment rules: the built-in file, a planner's `--rules FILE`, or an alignment.yaml inside a
// `--calendars` folder; `extends: builtin:alignment` (or a relative path) merges rules over the parent's by id.
import path from 'node:path';
import { mergeRules, toRuleSet } from '../core/alignment/rule-set.js';
import type { AlignmentRuleSet } from '../core/alignment/types.js';
import type { AlignmentSchema } from '../schema/alignment.schema.js';
import { chainLocator, readExtendsChain } from './read-extends-chain.js';
import { BUILTIN_DIR, pathKind, resolveSpec, RULES_FILE_NAMES } from './resolve-spec.js';
import { validateChain } from './validate-chain.js';
import type { Format } from './validate-chain.js';

export const BUILTIN_RULES = path.join(BUILTIN_DIR, 'alignment.yaml');

/** The rules file to use: `--rules`, else an alignment.yaml in a `--calendars` folder, else the built-in one. */
export function findRulesFile(cwd: string, rules: string | undefined, calendars: readonly string[]): string {
  if (rules !== undefined) return resolveSpec(rules, cwd);
  for (const spec of calendars) {
    if (spec.startsWith('builtin:')) continue;
    for (const name of RULES_FILE_NAMES) {
      const candidate = path.join(path.resolve(cwd, spec), name);
      if (pathKind(candidate) === 'file') return candidate;
    }
  }
  return BUILTIN_RULES;
}

const RULES: Format<AlignmentSchema> = {
  name: 'alignment',
  entries: { key: 'rules', word: 'rule', needs: 'a kind, clauses, a severity and a description' },
  load: async () => {
    const m = await import('../schema/alignment.schema.js');
    return { schema: m.alignmentSchema, knownKeys: m.knownAlignmentKeys };
  },
  docs: 'docs/check.md › Rules',
};

/** Reads, merges, validates and normalizes a rules file (and its `extends` chain). */
export async function loadAlignment(abs: string, cwd: string): Promise<AlignmentRuleSet> {
  // Rules merge by id (a map), so no list entry needs mapping back to its file.
  const chain = await readExtendsChain(abs, cwd, (parent, child) => mergeRules(parent, child));
  const data = await validateChain(chain, abs, RULES);
  return toRuleSet(
    data,
    chainLocator(chain),
    chain.inputs.map(i => i.file)
  );
}
