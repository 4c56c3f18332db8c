// schema/alignment.schema.json: fresh, and it agrees with the loader on real rules files (editor completion
// must not flag what `check` accepts, nor accept what it refuses).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { INIT_FILES } from '../../src/app/init-files.js';
import { alignmentJsonSchema, alignmentJsonSchemaText } from '../../src/schema/alignment-json-schema.js';
import { ROOT } from '../helpers/run-cli.js';

const validate = new Ajv2020({ strict: false, allErrors: true }).compile(alignmentJsonSchema());
const valid = (text: string): boolean => validate(parse(text)) as boolean;
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

describe('schema/alignment.schema.json', () => {
  test('is fresh: regenerate with `npm run gen:schema` after changing src/schema', () => {
    expect(read('schema/alignment.schema.json')).toBe(alignmentJsonSchemaText());
  });

  const accepted = [
    'calendars/alignment.yaml',
    'fixtures/alignment/rules-override/calendars/alignment.yaml',
    ...readdirSync(path.join(ROOT, 'fixtures/alignment/kinds')).map(
      d => `fixtures/alignment/kinds/${d}/calendars/alignment.yaml`
    ),
  ];
  test.each(accepted)('accepts %s', file => {
    expect(valid(read(file))).toBe(true);
  });

  test('accepts the scaffold of init, examples commented or not', () => {
    const text = INIT_FILES['calendars/alignment.yaml']!;
    expect(valid(text)).toBe(true);
    const examples = text.slice(text.indexOf('(uncomment to use):'));
    const uncommented = text.replace(examples, examples.replace(/^# /gm, ''));
    expect(uncommented).toContain('\nrules:\n  ideal-follows-socta: { max: P8M }\n');
    expect(valid(uncommented)).toBe(true);
  });

  test.each(['typo.yaml', 'bad-kind.yaml'])('refuses fixtures/alignment/bad-rules/%s', file => {
    expect(valid(read(`fixtures/alignment/bad-rules/${file}`))).toBe(false);
  });
});
