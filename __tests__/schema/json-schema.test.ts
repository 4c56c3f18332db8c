// schema/calendar.schema.json: fresh, partial for a file that extends another, describing its fields to an
// editor, and in agreement with the loader on real calendars (editor completion must not flag what cyclesync
// accepts, nor accept what it refuses).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { INIT_FILES } from '../../src/app/init-files.js';
import { calendarJsonSchema, calendarJsonSchemaText } from '../../src/schema/json-schema.js';
import { ROOT } from '../helpers/run-cli.js';

type Node = { description?: string; $ref?: string; properties?: Record<string, Node>; items?: Node } & {
  additionalProperties?: Node;
};
const schema = JSON.parse(calendarJsonSchemaText()) as { $defs: Record<string, Node & { required?: string[] }> };
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(calendarJsonSchema());
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const valid = (text: string): boolean => validate(parse(text)) as boolean;

describe('schema/calendar.schema.json', () => {
  test('is fresh: regenerate with `npm run gen:schema` after changing src/schema', () => {
    expect(read('schema/calendar.schema.json')).toBe(calendarJsonSchemaText());
  });

  test('a planner file that extends another is checked without required fields', () => {
    expect(schema.$defs['calendar']!.required).toEqual(expect.arrayContaining(['id', 'period', 'milestones']));
    // The override and every subschema it refers to.
    const partial = Object.entries(schema.$defs).filter(
      ([name]) => name === 'override' || name.startsWith('override.')
    );
    expect(partial.length).toBeGreaterThan(1);
    expect(JSON.stringify(partial)).not.toContain('"required"');
    expect(JSON.stringify(partial)).not.toContain('"#/$defs/calendar.');
  });

  test('describes the fields of records, eras and boundaries to an editor', () => {
    /** A node, its chain of `$ref`s followed (a description on a referring node is the one an editor shows). */
    const at = (node: Node | undefined): Node | undefined => {
      if (!node?.$ref) return node;
      const { $ref, ...rest } = node;
      return { ...at(schema.$defs[$ref.slice('#/$defs/'.length)]), ...rest };
    };
    const prop = (node: Node | undefined, key: string): Node | undefined => at(at(node)?.properties?.[key]);
    const calendar = schema.$defs['calendar'];
    const milestone = at(prop(calendar, 'milestones')?.additionalProperties);
    const record = at(prop(milestone, 'history')?.items);
    const era = at(prop(calendar, 'eras')?.items);
    const undescribed = [
      ...['date', 'end', 'source', 'url', 'confidence', 'note', 'announced', 'edition', 'reported'].map(
        k => [`history[].${k}`, prop(record, k)] as const
      ),
      ...['basis', 'source', 'since', 'until', 'history', 'planned'].map(
        k => [`milestone.${k}`, prop(milestone, k)] as const
      ),
      ...['from', 'period', 'note', 'milestones'].map(k => [`eras[].${k}`, prop(era, k)] as const),
      ...['eras', 'since', 'firstYear'].map(k => [k, prop(calendar, k)] as const),
    ]
      .filter(([, node]) => !node?.description)
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });

  test.each(['calendars/socta.yaml', 'calendars/ideal.yaml', 'calendars/joint.yaml'])('accepts %s', file => {
    expect(valid(read(file))).toBe(true);
  });

  test.each(['calendars/ideal.yaml', 'calendars/socta.yaml', 'calendars/joint.yaml'])(
    'accepts the scaffold of init %s, examples commented or not',
    file => {
      const text = INIT_FILES[file]!;
      expect(valid(text)).toBe(true);
      const examples = text.slice(text.indexOf('(uncomment to use):'));
      // Each example's heading stays a comment; its lines are uncommented.
      const uncommented = text.replace(examples, examples.replace(/^# (?!Example)/gm, ''));
      expect(uncommented).toMatch(/^(milestones|holidays):$/m);
      expect(valid(uncommented)).toBe(true);
    }
  );

  test.each([
    'basis-typo',
    'confidence-case',
    'roll-typo',
    'title-terminal-title',
    'unknown-key',
    'url-not-http',
    'weekday-typo',
  ])('refuses fixtures/invalid/%s, as cyclesync does', name => {
    expect(valid(read(`fixtures/invalid/${name}/calendar.yaml`))).toBe(false);
  });
});
