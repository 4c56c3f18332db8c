import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { calendarJsonSchemaText } from '../../src/schema/json-schema.js';
import { ROOT } from '../helpers/run-cli.js';

describe('schema/calendar.schema.json', () => {
  test('is fresh: regenerate with `npm run gen:schema` after changing src/schema', () => {
    expect(readFileSync(`${ROOT}schema/calendar.schema.json`, 'utf8')).toBe(calendarJsonSchemaText());
  });

  test('a planner file that extends another is checked without required fields', () => {
    const schema = JSON.parse(calendarJsonSchemaText()) as {
      $defs: { calendar: { required: string[] }; override: object };
    };
    expect(schema.$defs.calendar.required).toEqual(expect.arrayContaining(['id', 'period', 'milestones']));
    expect(JSON.stringify(schema.$defs.override)).not.toContain('"required"');
  });

  test('describes the fields of records, eras and boundaries to an editor', () => {
    type Node = { description?: string; properties?: Record<string, Node>; items?: Node; additionalProperties?: Node };
    const calendar = (JSON.parse(calendarJsonSchemaText()) as { $defs: { calendar: Node } }).$defs.calendar;
    const props = (node: Node | undefined): Record<string, Node> => node?.properties ?? {};
    const milestone = calendar.properties!['milestones']!.additionalProperties!;
    const record = props(milestone).history!.items!;
    const era = calendar.properties!['eras']!.items!;
    const undescribed = [
      ...['date', 'end', 'source', 'url', 'confidence', 'note', 'announced', 'edition', 'reported'].map(k => [
        `history[].${k}`,
        props(record)[k],
      ]),
      ...['basis', 'source', 'since', 'until', 'history', 'planned'].map(k => [`milestone.${k}`, props(milestone)[k]]),
      ...['from', 'period', 'note', 'milestones'].map(k => [`eras[].${k}`, props(era)[k]]),
      ...['eras', 'since', 'firstYear'].map(k => [k, props(calendar)[k]]),
    ]
      .filter(([, node]) => !(node as Node | undefined)?.description)
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });
});
