// Loads the alignment rules: the built-in file, a planner's `--rules FILE`, or an alignment.yaml inside a
// `--calendars` folder; `extends: builtin:alignment` (or a relative path) merges rules over the parent's by id.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CycleSyncError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import { mergeRules, toRuleSet } from '../core/alignment/rule-set.js';
import type { AlignmentRuleSet } from '../core/alignment/types.js';
import { alignmentSchema, knownAlignmentKeys } from '../schema/alignment.schema.js';
import { BUILTIN_DIR, resolveSpec, shownPath } from './load-calendars.js';
import { readYamlFile } from './read-yaml.js';
import type { YamlInput } from './read-yaml.js';
import { schemaError } from './schema-errors.js';

export const BUILTIN_RULES = path.join(BUILTIN_DIR, 'alignment.yaml');
const FOLDER_NAMES = ['alignment.yaml', 'alignment.yml'];

async function isFile(abs: string): Promise<boolean> {
  return stat(abs).then(
    s => s.isFile(),
    () => false
  );
}

/** The rules file to use: `--rules`, else an alignment.yaml in a `--calendars` folder, else the built-in one. */
export async function findRulesFile(
  cwd: string,
  rules: string | undefined,
  calendars: readonly string[]
): Promise<string> {
  if (rules !== undefined) return resolveSpec(rules, cwd);
  for (const spec of calendars) {
    if (spec.startsWith('builtin:')) continue;
    for (const name of FOLDER_NAMES) {
      const candidate = path.join(path.resolve(cwd, spec), name);
      if (await isFile(candidate)) return candidate;
    }
  }
  return BUILTIN_RULES;
}

async function readChain(abs: string, cwd: string, seen: string[]): Promise<{ data: unknown; inputs: YamlInput[] }> {
  const input = await readYamlFile(abs, shownPath(cwd, abs));
  const parentSpec =
    typeof input.data === 'object' && input.data !== null
      ? (input.data as Record<string, unknown>)['extends']
      : undefined;
  if (parentSpec === undefined) return { data: input.data, inputs: [input] };
  const at = input.locate(['extends']) ?? { file: input.file };
  if (typeof parentSpec !== 'string')
    throw new CycleSyncError({
      code: 'SCHEMA',
      message: '`extends` must be a string',
      at,
      path: 'extends',
      expected: '"builtin:alignment" or a relative path',
    });
  const parentAbs = resolveSpec(parentSpec, path.dirname(abs));
  if (seen.includes(parentAbs) || parentAbs === abs)
    throw new CycleSyncError({
      code: 'REFERENCE_LOOP',
      message: `\`extends\` loop: ${[...seen, abs, parentAbs].map(p => shownPath(cwd, p)).join(' → ')}`,
      at,
      path: 'extends',
      hint: 'a rules file cannot extend itself, directly or through others',
    });
  const parent = await readChain(parentAbs, cwd, [...seen, abs]);
  return { data: mergeRules(parent.data, input.data), inputs: [input, ...parent.inputs] };
}

/** Reads, merges, validates and normalizes a rules file (and its `extends` chain). */
export async function loadAlignment(abs: string, cwd: string): Promise<AlignmentRuleSet> {
  const chain = await readChain(abs, cwd, []);
  const [own] = chain.inputs;
  const locate = (p: readonly (string | number)[]): SourceLocation | undefined => {
    for (const input of chain.inputs) {
      const at = input.locateExact(p);
      if (at) return at;
    }
    return own?.locate(p);
  };
  const parsed = alignmentSchema.safeParse(chain.data);
  if (!parsed.success) throw schemaError(own?.file ?? abs, parsed.error.issues, locate, knownAlignmentKeys, chain.data);
  return toRuleSet(
    parsed.data,
    locate,
    chain.inputs.map(i => i.file)
  );
}
