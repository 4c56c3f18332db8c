// Field positions of a YAML file (src/io/yaml-index.ts).
import { describe, expect, test } from '@jest/globals';
import { indexYaml } from '../../src/io/parse-yaml.js';
import { locatorsOf } from '../../src/io/yaml-index.js';

const TEXT = [
  'id: demo', //                       line 1
  'milestones:', //                    line 2
  '  socta:', //                       line 3
  '    history:', //                   line 4
  '      - date: 2025-03-18', //       line 5
  '        source: Europol', //        line 6
  '      - { date: 2021-04-12 }', //   line 7
  'years:', //                         line 8
  '  2029: start', //                  line 9
  'list: [a, b]', //                   line 10
].join('\n');

describe('locatorsOf(indexYaml(…))', () => {
  const { locate, locateExact } = locatorsOf(indexYaml(TEXT, 'demo.yaml'), 'demo.yaml');
  const line = (loc: { line?: number; column?: number } | undefined) => (loc ? [loc.line, loc.column] : undefined);

  test('a mapping key points at the key, a list item at the item', () => {
    expect(line(locateExact(['milestones', 'socta', 'history']))).toEqual([4, 5]);
    expect(line(locateExact(['milestones', 'socta', 'history', 0]))).toEqual([5, 9]);
    expect(line(locateExact(['milestones', 'socta', 'history', 0, 'source']))).toEqual([6, 9]);
    expect(line(locateExact(['milestones', 'socta', 'history', 1, 'date']))).toEqual([7, 11]);
    expect(line(locateExact(['list', 1]))).toEqual([10, 11]);
  });

  test('a number also names a mapping key written as a number', () => {
    expect(line(locateExact(['years', 2029]))).toEqual([9, 3]);
    expect(line(locateExact(['years', '2029']))).toEqual([9, 3]);
  });

  test('a missing path: locate gives its deepest existing part, locateExact nothing', () => {
    expect(line(locate(['milestones', 'socta', 'planned', 0]))).toEqual([3, 3]);
    expect(locateExact(['milestones', 'socta', 'planned'])).toBeUndefined();
    expect(line(locate(['milestones', 'socta', 'history', 7]))).toEqual([4, 5]);
    expect(line(locate(['list', 'a']))).toEqual([10, 1]); // a list is indexed by number only
    expect(line(locate(['nowhere']))).toEqual([1, 1]); // the document's start
    expect(line(locate([]))).toEqual([1, 1]);
    expect(locate(['id'])?.file).toBe('demo.yaml');
  });

  test('a key holding a dot or brackets is one segment, never a path', () => {
    const text = ['a.b: 1', 'a:', '  b: 2', '"[0]": 3', 'c: [x]'].join('\n');
    const own = locatorsOf(indexYaml(text, 'k.yaml'), 'k.yaml');
    expect(line(own.locateExact(['a.b']))).toEqual([1, 1]);
    expect(line(own.locateExact(['a', 'b']))).toEqual([3, 3]);
    expect(line(own.locateExact(['[0]']))).toEqual([4, 1]);
    expect(line(own.locateExact(['c', 0]))).toEqual([5, 5]);
  });

  test('an empty document locates nothing', () => {
    const empty = locatorsOf(indexYaml('# nothing\n', 'e.yaml'), 'e.yaml');
    expect(empty.locate(['id'])).toBeUndefined();
    expect(empty.locateExact([])).toBeUndefined();
  });
});
