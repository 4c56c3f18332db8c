// Loads the alignment rules: the built-in file, a planner's `--rules FILE`, or an alignment.yaml inside a
// `--calendars` folder; `extends: builtin:alignment` (or a relative path) merges rules over the parent's by id.
import { statSync } from 'node:fs';
import path from 'node:path';
import { mergeRules, toRuleSet } from '../core/alignment/rule-set.js';
import type { AlignmentRuleSet } from '../core/alignment/types.js';
import type { AlignmentSchema } from '../schema/alignment.schema.js';
import { chainLocator, readExtendsChain } from './read-extends-chain.js';
import { BUILTIN_DIR, resolveSpec } from './resolve-spec.js';
import { validateChain } from './validate-chain.js';
import type { Format } from './validate-chain.js';

export const BUILTIN_RULES = path.join(BUILTIN_DIR, 'alignment.yaml');
const FOLDER_NAMES = ['alignment.yaml', 'alignment.yml'];

// Synchronous, like the reads of read-yaml.ts: one stat of a local file, and node:fs/promises (with the
// streams, watchers and readline modules it loads) stays out of a run's start-up.
function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

/** The rules file to use: `--rules`, else an alignment.yaml in a `--calendars` folder, else the built-in one. */
export function findRulesFile(cwd: string, rules: string | undefined, calendars: readonly string[]): string {
  if (rules !== undefined) return resolveSpec(rules, cwd);
  for (const spec of calendars) {
    if (spec.startsWith('builtin:')) continue;
    for (const name of FOLDER_NAMES) {
      const candidate = path.join(path.resolve(cwd, spec), name);
      if (isFile(candidate)) return candidate;
    }
  }
  return BUILTIN_RULES;
}

const RULES: Format<AlignmentSchema> = {
  name: 'alignment',
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
