// Writes src/io/builtin-calendars.generated.ts from calendars/*.yaml: each built-in file's data, validated here
// by the schema a run would use, and the line and column of every field, so that a run on the built-ins
// neither parses nor validates YAML and its messages still point at `calendars/ideal.yaml:46`.
// `npm run gen:builtins` runs it, and so does `npm run build`; a test fails when the committed module is stale.
// A built-in that does not parse or validate stops it with the message a run would print.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { formatError, isCycleSyncError } from '../src/errors.js';
import { indexYaml } from '../src/io/parse-yaml.js';
import { BUILTIN_DIR, NOT_CYCLES } from '../src/io/resolve-spec.js';
import { schemaError } from '../src/io/schema-errors.js';
import { locatorsOf } from '../src/io/yaml-index.js';
import { alignmentSchema, knownAlignmentKeys } from '../src/schema/alignment.schema.js';
import { calendarSchema, knownCalendarKeys } from '../src/schema/calendar.schema.js';

export const GENERATED_MODULE = fileURLToPath(new URL('../src/io/builtin-calendars.generated.ts', import.meta.url));

const FORMATS = {
  calendar: { schema: calendarSchema, knownKeys: knownCalendarKeys, docs: 'README › Calendar format' },
  alignment: { schema: alignmentSchema, knownKeys: knownAlignmentKeys, docs: 'docs/check.md › Rules' },
} as const;

/** One built-in file as the generated module holds it. */
function builtinEntry(name: string): {
  format: keyof typeof FORMATS;
  root: unknown;
  positions: unknown;
  data: unknown;
} {
  const shown = `calendars/${name}`;
  const index = indexYaml(readFileSync(path.join(BUILTIN_DIR, name), 'utf8'), shown);
  const format = NOT_CYCLES.has(name) ? 'alignment' : 'calendar';
  const { schema, knownKeys, docs } = FORMATS[format];
  const parsed = schema.safeParse(index.data);
  if (!parsed.success) {
    // A built-in file extends nothing: its paths are its own.
    const place = { locate: locatorsOf(index, shown).locate, pathOf: (p: readonly (string | number)[]) => p.join('.') };
    throw schemaError(shown, parsed.error.issues, place, knownKeys, index.data, docs);
  }
  return { format, root: index.root, positions: index.positions, data: parsed.data };
}

/**
 * The module's text: deterministic (files in name order, fields in the order the YAML writes them), laid out
 * by prettier like the rest of src/, so that an edit of a calendar shows as a readable diff.
 */
export async function builtinCalendarsModuleText(): Promise<string> {
  const names = readdirSync(BUILTIN_DIR)
    .filter(n => n.endsWith('.yaml'))
    .sort();
  const entries = names.map(n => `  ${JSON.stringify(n)}: ${JSON.stringify(builtinEntry(n))},`);
  const text = [
    '// Generated from calendars/*.yaml by scripts/gen-builtin-calendars.ts (`npm run gen:builtins`; `npm run build`',
    '// runs it too): edit the YAML, never this file. Each entry was validated against its format by the generator.',
    "import type { AlignmentFile } from '../schema/alignment.schema.js';",
    "import type { CalendarFile } from '../schema/calendar.schema.js';",
    "import type { YamlIndex } from './yaml-index.js';",
    '',
    'export type BuiltinFile = Omit<YamlIndex, "data"> &',
    '  ({ format: "calendar"; data: CalendarFile } | { format: "alignment"; data: AlignmentFile });',
    '',
    '/** By file name in calendars/. */',
    'export const BUILTIN_FILES: Readonly<Record<string, BuiltinFile>> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
  return format(text, { ...(await resolveConfig(GENERATED_MODULE)), filepath: GENERATED_MODULE });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const text = await builtinCalendarsModuleText();
    const old = existsSync(GENERATED_MODULE) ? readFileSync(GENERATED_MODULE, 'utf8') : '';
    if (old !== text) writeFileSync(GENERATED_MODULE, text);
    console.log(`${old === text ? 'unchanged' : 'wrote'} ${path.relative(process.cwd(), GENERATED_MODULE)}`);
  } catch (e) {
    console.error(isCycleSyncError(e) ? formatError(e) : e);
    process.exitCode = 1;
  }
}
