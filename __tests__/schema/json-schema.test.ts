import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { calendarJsonSchemaText } from '../../src/schema/json-schema.js';
import { ROOT } from '../helpers/run-cli.js';

describe('schema/calendar.schema.json', () => {
  test('is fresh: regenerate with `npm run gen:schema` after changing src/schema', () => {
    expect(readFileSync(`${ROOT}schema/calendar.schema.json`, 'utf8')).toBe(calendarJsonSchemaText());
  });

  test('a planner file that extends another is checked without required fields', () => {
    const schema = JSON.parse(calendarJsonSchemaText()) as { $defs: { calendar: { required: string[] }; override: object } };
    expect(schema.$defs.calendar.required).toEqual(expect.arrayContaining(['id', 'period', 'milestones']));
    expect(JSON.stringify(schema.$defs.override)).not.toContain('"required"');
  });
});
